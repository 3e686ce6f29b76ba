import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

/** Options of `topk`. */
export interface TopkOptions {
  /** The axis to select along (default −1, the last). */
  axis?: number;
  /** Take the largest values (true, the default) or the smallest. */
  largest?: boolean;
}

const topkOp = defineOp({
  name: 'topk',
  inputs: ['x'],
  infer: ([x], { k, axis }) => {
    if (x.dtype === 'bool') throw new DTypeError('topk', 'expected a numeric input', { x: x.dtype });
    const length = x.shape[axis];
    if (!Number.isInteger(k) || k < 0 || k > length) {
      throw new ArgumentError(
        'topk',
        `k ${k} is out of range for axis ${axis} of length ${length} (x: [${x.shape.join(', ')}])`,
      );
    }
    const shape = x.shape.map((d, i) => (i === axis ? k : d));
    return [
      { shape, dtype: x.dtype },
      { shape, dtype: 'int32' },
    ];
  },
});

/**
 * The `k` largest (or smallest) values along an axis and their int32 indices, sorted (largest
 * first, or smallest first); equal values keep their order, so ties go to the lower index. NaN
 * counts as larger than every number, as in PyTorch.
 *
 * @example
 * const [values, indices] = topk(tensor([1, 5, 3, 5]), 2);
 * values.toArray();  // [5, 5]
 * indices.toArray(); // [1, 3]
 */
export function topk(x: Tensor, k: number, options: TopkOptions = {}): [Tensor, Tensor] {
  checkTensor('topk', 'x', x);
  if (x.rank === 0) throw new ArgumentError('topk', 'x must have at least one axis (x: [])');
  const axis = normalizeAxis('topk', options.axis ?? -1, x.rank);
  const [values, indices] = runOp(topkOp, [x], { k, axis, largest: options.largest ?? true });
  return [values, indices];
}
