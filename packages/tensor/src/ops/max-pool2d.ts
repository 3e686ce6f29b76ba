import { runOp } from '../engine/dispatch';
import { tidy } from '../engine/tidy';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import type { Pool2dAttrs } from '../op-attrs';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';
import { checkPoolGradient, normalizePool2dOptions, type Pool2dOptions, pool2dOutputShape } from './pool2d';

const maxPool2dOp = defineOp({
  name: 'maxPool2d',
  inputs: ['x'],
  infer: ([x], attrs) => {
    if (x.dtype === 'bool') throw new DTypeError('maxPool2d', 'expected a numeric input', { x: x.dtype });
    const shape = pool2dOutputShape('maxPool2d', x.shape, attrs);
    return [
      { shape, dtype: x.dtype },
      { shape, dtype: 'int32' },
    ];
  },
});

const maxPool2dBackwardOp = defineOp({
  name: 'maxPool2dBackward',
  inputs: ['dy', 'indices'],
  infer: ([dy, indices], attrs) => {
    const op = 'maxPool2dBackward';
    if (!isFloat(dy.dtype) || indices.dtype !== 'int32') {
      throw new DTypeError(op, 'expected a float dy and int32 indices', {
        dy: dy.dtype,
        indices: indices.dtype,
      });
    }
    if (!shapesEqual(dy.shape, indices.shape))
      throw new ShapeError(op, 'dy and indices differ', { dy: dy.shape, indices: indices.shape });
    return [{ shape: checkPoolGradient(op, dy.shape, attrs.inputShape, attrs), dtype: dy.dtype }];
  },
});

/**
 * Max pooling over windows of an NCHW input `[N, C, H, W]`, giving `[N, C, outH, outW]`. Padding
 * never wins (it acts as −∞); NaN propagates.
 *
 * @example
 * maxPool2d(randn([1, 6, 28, 28]), { kernelSize: 2 }).shape; // [1, 6, 14, 14]
 * maxPool2d(x, { kernelSize: 3, stride: 2, padding: 1 });
 */
export function maxPool2d(x: Tensor, options: Pool2dOptions): Tensor {
  checkTensor('maxPool2d', 'x', x);
  // The indices are dropped here (tidy frees them); autograd saves its own handle when recording.
  return tidy(() => maxPool2dWithIndices(x, options)[0]);
}

/**
 * `maxPool2d` that also returns where each maximum came from: int32 indices, the flat position
 * `h·W + w` inside the input plane of that (n, c), as PyTorch's `return_indices`. Ties go to the
 * first position in row-major window order.
 *
 * @example
 * const [values, indices] = maxPool2dWithIndices(tensor([[[[1, 3], [4, 2]]]]), { kernelSize: 2 });
 * values.toArray();  // [[[[4]]]]
 * indices.toArray(); // [[[[2]]]]
 */
export function maxPool2dWithIndices(x: Tensor, options: Pool2dOptions): [Tensor, Tensor] {
  checkTensor('maxPool2dWithIndices', 'x', x);
  const [values, indices] = runOp(maxPool2dOp, [x], normalizePool2dOptions('maxPool2d', x, options));
  return [values, indices];
}

/**
 * Gradient of `maxPool2d`: routes each dy `[N, C, outH, outW]` element to the input position its
 * `indices` name (from `maxPool2dWithIndices`), summing where windows overlap. Returns dx of
 * `inputShape`. `attrs` are the forward call's normalized attributes.
 *
 * @example
 * const attrs = { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0, 0, 0], dilation: [1, 1], ceilMode: false } satisfies Pool2dAttrs;
 * maxPool2dBackward(ones([1, 1, 1, 1]), tensor([[[[2]]]], { dtype: 'int32' }), [1, 1, 2, 2], attrs); // [[[[0, 0], [1, 0]]]]
 */
export function maxPool2dBackward(
  dy: Tensor,
  indices: Tensor,
  inputShape: readonly number[],
  attrs: Pool2dAttrs,
): Tensor {
  checkTensor('maxPool2dBackward', 'dy', dy);
  checkTensor('maxPool2dBackward', 'indices', indices);
  const { kernelSize, stride, padding, dilation, ceilMode } = attrs;
  const shape = [...inputShape] as [number, number, number, number];
  return runOp(maxPool2dBackwardOp, [dy, indices], {
    kernelSize,
    stride,
    padding,
    dilation,
    ceilMode,
    inputShape: shape,
  })[0];
}
