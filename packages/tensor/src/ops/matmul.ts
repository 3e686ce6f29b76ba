import { runOp } from '../engine';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';
import { reshape } from './reshape';

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
    const [m, k] = transposeA ? [a.shape.at(-1)!, a.shape.at(-2)!] : [a.shape.at(-2)!, a.shape.at(-1)!];
    const [k2, n] = transposeB ? [b.shape.at(-1)!, b.shape.at(-2)!] : [b.shape.at(-2)!, b.shape.at(-1)!];
    if (k !== k2) throw new ShapeError('matmul', 'inner dimensions differ', { a: a.shape, b: b.shape });
    const batch = broadcastShapes('matmul', a.shape.slice(0, -2), b.shape.slice(0, -2));
    return [{ shape: [...batch, m, n], dtype: a.dtype }];
  },
});

/** Options of `matmul`: multiply by the transpose of an operand without materializing it. */
export interface MatmulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
}

/**
 * Matrix product with NumPy semantics: batch axes broadcast; a 1-D `a` is a row vector and a
 * 1-D `b` a column vector, and their added axis is removed from the result.
 *
 * @example
 * matmul(ones([2, 3]), ones([3, 4])).shape;   // [2, 4]
 * matmul(ones([5, 2, 3]), ones([3])).shape;   // [5, 2]
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  const isVectorA = a.rank === 1;
  const isVectorB = b.rank === 1;
  if (a.rank === 0 || b.rank === 0) throw new ShapeError('matmul', 'operands must have rank ≥ 1', { a: a.shape, b: b.shape });
  const a2 = isVectorA ? reshape(a, [1, a.size]) : a;
  const b2 = isVectorB ? reshape(b, [b.size, 1]) : b;
  const attrs = { transposeA: !isVectorA && (options.transposeA ?? false), transposeB: !isVectorB && (options.transposeB ?? false) };
  const y = runOp(matmulOp, [a2, b2], attrs)[0];
  if (!isVectorA && !isVectorB) return y;
  const shape = y.shape.slice(0, -2);
  if (!isVectorA) shape.push(y.shape.at(-2)!);
  if (!isVectorB) shape.push(y.shape.at(-1)!);
  return reshape(y, shape);
}
