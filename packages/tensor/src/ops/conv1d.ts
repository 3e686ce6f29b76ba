import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';
import { conv2d } from './conv2d';
import { reshape } from './reshape';
import { windowCount } from './window2d';

/** Options of `conv1d`. */
export interface Conv1dOptions {
  /** Per-output-channel bias, shape `[O]`. */
  bias?: Tensor;
  /** Step between windows (default 1). */
  stride?: number;
  /** Zero padding (default 0): both ends, `[left, right]`, `'valid'` or `'same'` (extra at the end). */
  padding?: number | readonly [number, number] | 'same' | 'valid';
  /** Spacing between kernel taps (default 1). */
  dilation?: number;
  /** Independent channel groups (default 1). */
  groups?: number;
}

/**
 * 1-D convolution of `x` `[N, C, L]` with filters `w` `[O, C/groups, k]`, giving `[N, O, outL]`:
 * conv2d on a height-1 view, so it shares conv2d's kernels and gradients.
 *
 * @example
 * conv1d(randn([4, 2, 100]), randn([8, 2, 5]), { padding: 'same' }).shape; // [4, 8, 100]
 * conv1d(x, w, { stride: 2, dilation: 2, bias: b });
 */
export function conv1d(x: Tensor, w: Tensor, options: Conv1dOptions = {}): Tensor {
  checkTensor('conv1d', 'x', x);
  checkTensor('conv1d', 'w', w);
  const shapes = { x: x.shape, w: w.shape };
  if (x.rank !== 3 || w.rank !== 3)
    throw new ShapeError('conv1d', 'expected x of rank 3 [N, C, L] and w of rank 3 [O, C/groups, k]', shapes);
  const { stride = 1, dilation = 1, groups = 1, padding = 0 } = options;
  const [n, c, length] = x.shape;
  const [o, cPerGroup, k] = w.shape;
  if (!Number.isInteger(groups) || groups < 1)
    throw new ArgumentError('conv1d', `groups must be a positive integer, got ${groups}`);
  if (c % groups !== 0)
    throw new ShapeError('conv1d', `groups ${groups} does not divide the input channels ${c}`, shapes);
  if (c / groups !== cPerGroup) throw new ShapeError('conv1d', 'input channels differ from weight', shapes);
  const pads: [number, number, number, number] | 'same' | 'valid' =
    typeof padding === 'string'
      ? padding
      : typeof padding === 'number'
        ? [0, 0, padding, padding]
        : [0, 0, padding[0], padding[1]];
  if (
    Array.isArray(pads) &&
    stride >= 1 &&
    dilation >= 1 &&
    windowCount(length, pads[2], pads[3], k, stride, dilation) < 1
  ) {
    throw new ShapeError('conv1d', 'kernel is larger than the padded input', shapes);
  }
  // tidy frees the height-1 views and the 4-D result, leaving only the returned tensor.
  return tidy(() => {
    const y = conv2d(reshape(x, [n, c, 1, length]), reshape(w, [o, cPerGroup, 1, k]), {
      bias: options.bias,
      stride: [1, stride],
      dilation: [1, dilation],
      padding: pads,
      groups,
    });
    return reshape(y, [n, o, y.shape[3]]);
  });
}
