import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { defineOp } from '../op-registry';
import type { Tensor } from '../tensor';

const clipOp = defineOp({
  name: 'clip',
  inputs: ['x'],
  infer: ([x], { min, max }) => {
    if (x.dtype === 'bool') throw new DTypeError('clip', 'expected a numeric input', { x: x.dtype });
    if (Number.isNaN(min) || Number.isNaN(max))
      throw new ArgumentError('clip', `bounds must not be NaN (min: ${min}, max: ${max})`);
    return [{ shape: x.shape, dtype: x.dtype }];
  },
});

/**
 * Clamps every element into [min, max]. Either bound may be ±Infinity; when min > max every
 * element becomes max (as NumPy and ONNX).
 *
 * @example
 * clip(tensor([-2, 0.5, 3]), 0, 1); // [0, 0.5, 1]
 */
export function clip(x: Tensor, min = -Infinity, max = Infinity): Tensor {
  return runOp(clipOp, [x], { min, max })[0];
}
