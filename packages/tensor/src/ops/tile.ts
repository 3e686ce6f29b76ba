import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { checkTensor } from '../operand';
import type { Tensor } from '../tensor';
import { reshape } from './reshape';
import { expand } from './transpose';

/**
 * Repeats `x` `reps[i]` times along each axis, as NumPy's `tile`: when `reps` is shorter than the
 * rank it is padded with leading 1s, when longer `x` gains leading length-1 axes. A composite:
 * each axis d becomes a pair (1, d), is broadcast to (rep, d) and the pairs are merged.
 *
 * @example
 * tile(tensor([1, 2]), [3]);          // [1, 2, 1, 2, 1, 2]
 * tile(tensor([[1, 2]]), [2, 2]);     // [[1, 2, 1, 2], [1, 2, 1, 2]]
 */
export function tile(x: Tensor, reps: readonly number[]): Tensor {
  checkTensor('tile', 'x', x);
  if (!Array.isArray(reps) || reps.some((r) => !Number.isInteger(r) || r < 0)) {
    throw new ArgumentError(
      'tile',
      `reps must be a list of non-negative integers, got ${JSON.stringify(reps)}`,
    );
  }
  const rank = Math.max(x.rank, reps.length);
  const shape = [...Array<number>(rank - x.rank).fill(1), ...x.shape];
  const repeats = [...Array<number>(rank - reps.length).fill(1), ...reps];
  return tidy(() => {
    const paired = reshape(
      x,
      shape.flatMap((d) => [1, d]),
    );
    const broadcast = expand(
      paired,
      shape.flatMap((d, i) => [repeats[i], d]),
    );
    return reshape(
      broadcast,
      shape.map((d, i) => d * repeats[i]),
    );
  });
}
