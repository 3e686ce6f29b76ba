import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { checkShape, normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';

const transposeOp = defineOp({
  name: 'transpose',
  inputs: ['x'],
  infer: ([x], { perm }) => {
    const isPermutation =
      perm.length === x.shape.length &&
      perm.every((p, i) => Number.isInteger(p) && p >= 0 && p < perm.length && perm.indexOf(p) === i);
    if (!isPermutation)
      throw new ArgumentError(
        'transpose',
        `perm [${perm.join(', ')}] is not a permutation of ${x.shape.length} axes`,
      );
    return [{ shape: perm.map((p) => x.shape[p]), dtype: x.dtype }];
  },
});

/**
 * Permutes the axes (copying the data): output axis i is input axis `perm[i]`; negative entries
 * count from the end. Without `perm`, reverses the axes.
 *
 * @example
 * transpose(zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 */
export function transpose(x: Tensor, perm?: readonly number[]): Tensor {
  checkTensor('transpose', 'x', x);
  if (perm && perm.length !== x.rank) {
    throw new ArgumentError('transpose', `perm [${perm.join(', ')}] is not a permutation of ${x.rank} axes`);
  }
  const order = perm
    ? perm.map((p) => normalizeAxis('transpose', p, x.rank))
    : x.shape.map((_, i) => x.rank - 1 - i);
  return runOp(transposeOp, [x], { perm: order })[0];
}

const expandOp = defineOp({
  name: 'expand',
  inputs: ['x'],
  infer: ([x], { shape }) => {
    const offset = shape.length - x.shape.length;
    const ok = offset >= 0 && x.shape.every((d, i) => d === 1 || d === shape[i + offset]);
    if (!ok) throw new ShapeError('expand', `cannot broadcast to [${shape.join(', ')}]`, { x: x.shape });
    return [{ shape, dtype: x.dtype }];
  },
});

/**
 * Broadcasts `x` to `shape` (NumPy rules; −1 keeps an axis), copying the data.
 *
 * @example
 * expand(tensor([1, 2]), [3, 2]); // [[1, 2], [1, 2], [1, 2]]
 */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('expand', 'x', x);
  const offset = shape.length - x.rank;
  const resolved = shape.map((d, i) => (d === -1 && i >= offset ? x.shape[i - offset] : d));
  return runOp(expandOp, [x], { shape: checkShape('expand', resolved) })[0];
}

/**
 * Same as `expand`: broadcasts `x` to `shape` (NumPy's name).
 *
 * @example
 * broadcastTo(tensor([[1], [2]]), [2, 3]); // [[1, 1, 1], [2, 2, 2]]
 */
export const broadcastTo = expand;
