import { runOp } from '../engine/dispatch';
import { tidy } from '../engine/tidy';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';
import { reshape } from './reshape';

/** The broadcast batch axes of two matrix stacks, or a ShapeError showing both full shapes. */
function batchShape(a: readonly number[], b: readonly number[]): number[] {
  try {
    return broadcastShapes('matmul', a.slice(0, -2), b.slice(0, -2));
  } catch {
    throw new ShapeError('matmul', 'batch dimensions cannot be broadcast', { a, b });
  }
}

const matmulOp = defineOp({
  name: 'matmul',
  inputs: ['a', 'b'],
  infer: ([a, b], { transposeA, transposeB }) => {
    if (a.shape.length < 2 || b.shape.length < 2) {
      throw new ShapeError('matmul', 'the kernel needs rank ≥ 2 operands', { a: a.shape, b: b.shape });
    }
    if (a.dtype !== b.dtype || a.dtype === 'bool') {
      throw new DTypeError('matmul', 'expected two numeric inputs of one dtype', { a: a.dtype, b: b.dtype });
    }
    const ra = a.shape.length;
    const rb = b.shape.length;
    const m = a.shape[transposeA ? ra - 1 : ra - 2];
    const k = a.shape[transposeA ? ra - 2 : ra - 1];
    const k2 = b.shape[transposeB ? rb - 1 : rb - 2];
    const n = b.shape[transposeB ? rb - 2 : rb - 1];
    if (k !== k2) throw new ShapeError('matmul', 'inner dimensions differ', { a: a.shape, b: b.shape });
    // Plain matrices (the common case) have no batch axes to broadcast.
    if (ra === 2 && rb === 2) return [{ shape: [m, n], dtype: a.dtype }];
    return [{ shape: [...batchShape(a.shape, b.shape), m, n], dtype: a.dtype }];
  },
});

/** Options of `matmul`: multiply by the transpose of an operand without materializing it. */
export interface MatmulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * Matrix product with NumPy semantics: `[..., m, k] × [..., k, n] → [..., m, n]` where the batch
 * axes broadcast; a 1-D `a` is a row vector and a 1-D `b` a column vector, and their added axis is
 * removed from the result. `transposeA`/`transposeB` multiply by an operand's transpose (of its
 * last two axes) without copying it. Both operands must have one numeric dtype.
 *
 * @example
 * matmul(ones([2, 3]), ones([3, 4])).shape;   // [2, 4]
 * matmul(ones([5, 2, 3]), ones([3])).shape;   // [5, 2]
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  checkTensor('matmul', 'a', a);
  checkTensor('matmul', 'b', b);
  if (a.rank === 0 || b.rank === 0)
    throw new ShapeError('matmul', 'operands must have rank ≥ 1', { a: a.shape, b: b.shape });
  const isVectorA = a.rank === 1;
  const isVectorB = b.rank === 1;
  // Transposing a vector changes nothing, so the flags only apply to matrix operands.
  const transposeA = !isVectorA && (options.transposeA ?? false);
  const transposeB = !isVectorB && (options.transposeB ?? false);
  if (!isVectorA && !isVectorB) return runOp(matmulOp, [a, b], { transposeA, transposeB })[0];
  // Check here so the error shows the caller's shapes, not the reshaped matrices.
  const k = isVectorA ? a.size : a.shape.at(transposeA ? -2 : -1);
  const k2 = isVectorB ? b.size : b.shape.at(transposeB ? -1 : -2);
  if (k !== k2) throw new ShapeError('matmul', 'inner dimensions differ', { a: a.shape, b: b.shape });
  return tidy(() => {
    const a2 = isVectorA ? reshape(a, [1, a.size]) : a;
    const b2 = isVectorB ? reshape(b, [b.size, 1]) : b;
    const y = runOp(matmulOp, [a2, b2], { transposeA, transposeB })[0];
    const shape = y.shape.slice(0, -2);
    if (!isVectorA) shape.push(y.shape.at(-2)!);
    if (!isVectorB) shape.push(y.shape.at(-1)!);
    return reshape(y, shape);
  });
}
