import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import type { AvgPool2dAttrs } from '../op-attrs';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';
import { isFloat } from '../types';
import { checkPoolGradient, normalizePool2dOptions, type Pool2dOptions, pool2dOutputShape } from './pool2d';

/** Options of `avgPool2d`. */
export interface AvgPool2dOptions extends Pool2dOptions {
  /**
   * Divide by the whole window, padding included (true, the default, as PyTorch), or by the
   * input elements it covers (false, ONNX's default). Positions past the padded input (ceil
   * mode) never count.
   */
  countIncludePad?: boolean;
}

const avgPool2dOp = defineOp({
  name: 'avgPool2d',
  inputs: ['x'],
  infer: ([x], attrs) => {
    if (!isFloat(x.dtype)) throw new DTypeError('avgPool2d', 'expected a float input', { x: x.dtype });
    return [{ shape: pool2dOutputShape('avgPool2d', x.shape, attrs), dtype: x.dtype }];
  },
});

const avgPool2dBackwardOp = defineOp({
  name: 'avgPool2dBackward',
  inputs: ['dy'],
  infer: ([dy], attrs) => {
    if (!isFloat(dy.dtype))
      throw new DTypeError('avgPool2dBackward', 'expected a float dy', { dy: dy.dtype });
    return [
      { shape: checkPoolGradient('avgPool2dBackward', dy.shape, attrs.inputShape, attrs), dtype: dy.dtype },
    ];
  },
});

/**
 * Average pooling over windows of an NCHW input `[N, C, H, W]`, giving `[N, C, outH, outW]`.
 *
 * @example
 * avgPool2d(randn([1, 6, 28, 28]), { kernelSize: 2 }).shape; // [1, 6, 14, 14]
 * avgPool2d(x, { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false });
 */
export function avgPool2d(x: Tensor, options: AvgPool2dOptions): Tensor {
  checkTensor('avgPool2d', 'x', x);
  const attrs = {
    ...normalizePool2dOptions('avgPool2d', x, options),
    countIncludePad: options.countIncludePad ?? true,
  };
  return runOp(avgPool2dOp, [x], attrs)[0];
}

/**
 * Gradient of `avgPool2d`: spreads each dy `[N, C, outH, outW]` element evenly (by the forward
 * divisor) over its window's input positions, summing where windows overlap. Returns dx of
 * `inputShape`. `attrs` are the forward call's normalized attributes.
 *
 * @example
 * const attrs = { kernelSize: [2, 2], stride: [2, 2], padding: [0, 0, 0, 0], dilation: [1, 1], ceilMode: false, countIncludePad: true } satisfies AvgPool2dAttrs;
 * avgPool2dBackward(ones([1, 1, 1, 1]), [1, 1, 2, 2], attrs); // [[[[0.25, 0.25], [0.25, 0.25]]]]
 */
export function avgPool2dBackward(dy: Tensor, inputShape: readonly number[], attrs: AvgPool2dAttrs): Tensor {
  checkTensor('avgPool2dBackward', 'dy', dy);
  const { kernelSize, stride, padding, dilation, ceilMode, countIncludePad } = attrs;
  const shape = [...inputShape] as [number, number, number, number];
  return runOp(avgPool2dBackwardOp, [dy], {
    kernelSize,
    stride,
    padding,
    dilation,
    ceilMode,
    countIncludePad,
    inputShape: shape,
  })[0];
}
