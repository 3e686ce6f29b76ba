import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Options of `cumsum`. */
export interface CumsumOptions {
  /** Leave out each element from its own sum, so the first output is 0 (default false). */
  exclusive?: boolean;
  /** Sum from the end of the axis towards the start (default false). */
  reverse?: boolean;
}

const cumsumOp = defineOp({
  name: 'cumsum',
  inputs: ['x'],
  infer: ([x]) => {
    if (x.dtype === 'bool')
      throw new DTypeError('cumsum', 'expected a numeric input; cast bool first', { x: x.dtype });
    return [{ shape: x.shape, dtype: x.dtype }];
  },
});

/**
 * Running sum along `axis`, same shape as `x` (ONNX CumSum, PyTorch `cumsum`). Float inputs are
 * summed in float64; int32 sums wrap as int32 does.
 *
 * @example
 * cumsum(tensor([1, 2, 3]), 0);                      // [1, 3, 6]
 * cumsum(tensor([1, 2, 3]), 0, { exclusive: true }); // [0, 1, 3]
 * cumsum(tensor([1, 2, 3]), 0, { reverse: true });   // [6, 5, 3]
 */
export function cumsum(x: Tensor, axis: number, options: CumsumOptions = {}): Tensor {
  checkTensor('cumsum', 'x', x);
  const attrs = {
    axis: normalizeAxis('cumsum', axis, x.rank),
    exclusive: options.exclusive ?? false,
    reverse: options.reverse ?? false,
  };
  return runOp(cumsumOp, [x], attrs)[0];
}
