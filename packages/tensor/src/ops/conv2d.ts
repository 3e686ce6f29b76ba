import { runOp } from '../engine/dispatch';
import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import type { Conv2dAttrs } from '../op-attrs';
import { defineOp, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';
import { add } from './binary';
import { reshape } from './reshape';
import {
  checkNchw,
  checkWindowAttrs,
  normalizeWindow2d,
  type Padding2d,
  type Size2d,
  windowCount,
} from './window2d';

/** Options of `conv2d`. */
export interface Conv2dOptions {
  /** Per-output-channel bias, shape `[O]`, added after the convolution. */
  bias?: Tensor;
  /** Step between windows (default 1). */
  stride?: Size2d;
  /** Zero padding (default 0); see `Padding2d` for `'same'` and `'valid'`. */
  padding?: Padding2d;
  /** Spacing between kernel taps (default 1). */
  dilation?: Size2d;
  /** Split channels into this many independent groups (default 1; `groups = C` is depthwise). */
  groups?: number;
}

/**
 * Validates a convolution of an input of `xShape` with a filter of `wShape` and returns the output
 * shape `[N, O, outH, outW]`. Shared by conv2d and its two gradient kernels, so all three agree.
 */
export function conv2dOutputShape(
  op: string,
  xShape: readonly number[],
  wShape: readonly number[],
  attrs: Conv2dAttrs,
): number[] {
  checkWindowAttrs(op, attrs);
  const { groups, padding, stride, dilation } = attrs;
  if (!Number.isInteger(groups) || groups < 1)
    throw new ArgumentError(op, `groups must be a positive integer, got ${groups}`);
  const shapes = { x: xShape, w: wShape };
  if (xShape.length !== 4 || wShape.length !== 4) {
    throw new ShapeError(
      op,
      'expected x of rank 4 [N, C, H, W] and w of rank 4 [O, C/groups, kH, kW]',
      shapes,
    );
  }
  const [n, c, h, w] = xShape;
  const [o, cPerGroup, kh, kw] = wShape;
  if (c % groups !== 0)
    throw new ShapeError(op, `groups ${groups} does not divide the input channels ${c}`, shapes);
  if (o % groups !== 0)
    throw new ShapeError(op, `groups ${groups} does not divide the output channels ${o}`, shapes);
  if (c / groups !== cPerGroup) throw new ShapeError(op, 'input channels differ from weight', shapes);
  if (kh < 1 || kw < 1) throw new ShapeError(op, 'the kernel must be at least 1x1', shapes);
  const outH = windowCount(h, padding[0], padding[1], kh, stride[0], dilation[0]);
  const outW = windowCount(w, padding[2], padding[3], kw, stride[1], dilation[1]);
  if (outH < 1 || outW < 1) {
    const extent = `${dilation[0] * (kh - 1) + 1}x${dilation[1] * (kw - 1) + 1}`;
    const padded = `${h + padding[0] + padding[1]}x${w + padding[2] + padding[3]}`;
    throw new ShapeError(
      op,
      `kernel (extent ${extent} with dilation) is larger than the padded input (${padded})`,
      shapes,
    );
  }
  return [n, o, outH, outW];
}

/** Checks that the named tensors share one float dtype. */
export function checkFloatPair(op: string, a: [string, TensorSpec], b: [string, TensorSpec]): void {
  if (!isFloat(a[1].dtype) || a[1].dtype !== b[1].dtype) {
    throw new DTypeError(op, 'expected float inputs of one dtype', {
      [a[0]]: a[1].dtype,
      [b[0]]: b[1].dtype,
    });
  }
}

const conv2dOp = defineOp({
  name: 'conv2d',
  inputs: ['x', 'w'],
  infer: ([x, w], attrs) => {
    checkFloatPair('conv2d', ['x', x], ['w', w]);
    return [{ shape: conv2dOutputShape('conv2d', x.shape, w.shape, attrs), dtype: x.dtype }];
  },
});

/** Normalizes conv2d options against the input's spatial size and the kernel's (for `'same'`). */
export function normalizeConv2dOptions(
  op: string,
  x: Tensor,
  w: Tensor,
  options: Conv2dOptions,
): Conv2dAttrs {
  checkNchw(op, 'x', x.shape);
  checkNchw(op, 'w', w.shape);
  const window = normalizeWindow2d(op, options, [x.shape[2], x.shape[3]], [w.shape[2], w.shape[3]], 1);
  return { ...window, groups: options.groups ?? 1 };
}

/**
 * 2-D convolution (cross-correlation, as in every deep-learning library) of an NCHW input `x`
 * `[N, C, H, W]` with filters `w` `[O, C/groups, kH, kW]`, giving `[N, O, outH, outW]` where
 * outH = floor((H + padTop + padBottom − dilation·(kH − 1) − 1) / stride) + 1.
 *
 * @example
 * const y = conv2d(randn([1, 3, 32, 32]), randn([8, 3, 3, 3]), { padding: 'same' });
 * y.shape; // [1, 8, 32, 32]
 * conv2d(x, w, { stride: 2, padding: 1, bias: b }); // b: [O]
 */
export function conv2d(x: Tensor, w: Tensor, options: Conv2dOptions = {}): Tensor {
  checkTensor('conv2d', 'x', x);
  checkTensor('conv2d', 'w', w);
  const attrs = normalizeConv2dOptions('conv2d', x, w, options);
  const { bias } = options;
  if (bias && (bias.rank !== 1 || bias.shape[0] !== w.shape[0])) {
    throw new ShapeError('conv2d', 'bias must have shape [O], one value per output channel', {
      w: w.shape,
      bias: bias.shape,
    });
  }
  if (bias && bias.dtype !== x.dtype)
    throw new DTypeError('conv2d', 'bias must have the dtype of x', { x: x.dtype, bias: bias.dtype });
  if (!bias) return runOp(conv2dOp, [x, w], attrs)[0];
  // tidy frees the bias-free result and the bias view; autograd keeps its own handles.
  return tidy(() => add(runOp(conv2dOp, [x, w], attrs)[0], reshape(bias, [1, bias.shape[0], 1, 1])));
}
