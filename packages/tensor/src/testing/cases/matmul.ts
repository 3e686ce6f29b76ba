// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { arange, tensor } from '../../ops/creation';
import type { NestedArray } from '../../types';
import type { OpCase } from '../op-case';

type Matrix = number[][];

/** Deterministic, non-symmetric test values: element i of a [rows, cols] matrix. */
const fill = (rows: number, cols: number, seed: number): Matrix =>
  Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => ((i * cols + j + seed) % 7) - 3 + 0.5 * seed));

const transposed = (m: Matrix): Matrix => m[0].map((_, j) => m.map((row) => row[j]));

/** The textbook triple loop, the reference every layout and backend is compared with. */
function naiveMatmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0].map((_, j) => row.reduce((acc, v, p) => acc + v * b[p][j], 0)));
}

const A = fill(3, 4, 1);
const B = fill(4, 2, 2);
const AB = naiveMatmul(A, B);

const layoutCases: OpCase[] = [
  { op: 'matmul', name: '[2, 3] × [3, 2] by hand', run: () => nt.matmul(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[7, 8], [9, 10], [11, 12]])), expected: [[58, 64], [139, 154]] },
  { op: 'matmul', name: '[3, 4] × [4, 2] against the naive loop', run: () => nt.matmul(tensor(A), tensor(B)), expected: AB },
  { op: 'matmul', name: 'transposeA against the naive loop', run: () => nt.matmul(tensor(transposed(A)), tensor(B), { transposeA: true }), expected: AB },
  { op: 'matmul', name: 'transposeB against the naive loop', run: () => nt.matmul(tensor(A), tensor(transposed(B)), { transposeB: true }), expected: AB },
  { op: 'matmul', name: 'transposeA and transposeB against the naive loop', run: () => nt.matmul(tensor(transposed(A)), tensor(transposed(B)), { transposeA: true, transposeB: true }), expected: AB },
  { op: 'matmul', name: 'float64', run: () => nt.matmul(tensor(A, { dtype: 'float64' }), tensor(B, { dtype: 'float64' })), expected: AB, dtype: 'float64', tolerance: { rtol: 1e-15, atol: 1e-15 } },
  { op: 'matmul', name: 'int32 stays int32', run: () => nt.matmul(tensor([[1, 2]], { dtype: 'int32' }), tensor([[3], [4]], { dtype: 'int32' })), expected: [[11]], dtype: 'int32' },
  { op: 'matmul', name: 'inner dimension 0 gives zeros', run: () => nt.matmul(nt.reshape(tensor([]), [2, 0]), nt.reshape(tensor([]), [0, 3])), expected: [[0, 0, 0], [0, 0, 0]] },
];

// NumPy's 1-D rules: a 1-D a is a row vector, a 1-D b a column vector; the added axis is removed.
const vectorCases: OpCase[] = [
  { op: 'matmul', name: '1-D · 1-D is a scalar dot product', run: () => nt.matmul(tensor([1, 2, 3]), tensor([4, 5, 6])), expected: 32 },
  { op: 'matmul', name: '1-D × 2-D is 1-D', run: () => nt.matmul(tensor([1, 2]), tensor([[1, 2, 3], [4, 5, 6]])), expected: [9, 12, 15] },
  { op: 'matmul', name: '2-D × 1-D is 1-D', run: () => nt.matmul(tensor([[1, 2, 3], [4, 5, 6]]), tensor([1, 0, -1])), expected: [-2, -2] },
  { op: 'matmul', name: 'batched × 1-D drops the last axis', run: () => nt.matmul(nt.reshape(arange(12, undefined, 1, { dtype: 'float32' }), [2, 2, 3]), tensor([1, 1, 1])), expected: [[3, 12], [21, 30]] },
  { op: 'matmul', name: '1-D × batched drops the row axis', run: () => nt.matmul(tensor([1, -1]), nt.reshape(arange(8, undefined, 1, { dtype: 'float32' }), [2, 2, 2])), expected: [[-2, -2], [-2, -2]] },
  { op: 'matmul', name: 'transposeA is ignored for a 1-D a', run: () => nt.matmul(tensor([1, 2]), tensor([[1, 2], [3, 4]]), { transposeA: true, transposeB: true }), expected: [5, 11] },
];

const batches: NestedArray = [0, 1].map((b) => naiveMatmul(fill(2, 3, b), fill(3, 2, 5)));
const pairs: NestedArray = [0, 1].map((i) => [0, 1, 2].map((j) => naiveMatmul(fill(2, 3, i), fill(3, 2, j))));

const batchCases: OpCase[] = [
  { op: 'matmul', name: '[2, 2, 3] × [3, 2]: b broadcasts over the batch', run: () => nt.matmul(tensor([fill(2, 3, 0), fill(2, 3, 1)]), tensor(fill(3, 2, 5))), expected: batches },
  { op: 'matmul', name: '[2, 1, 2, 3] × [3, 3, 2]: batch axes broadcast to [2, 3]', run: () => nt.matmul(tensor([[fill(2, 3, 0)], [fill(2, 3, 1)]]), tensor([0, 1, 2].map((j) => fill(3, 2, j)))), expected: pairs },
  { op: 'matmul', name: 'batched transposeB', run: () => nt.matmul(tensor([fill(2, 3, 0), fill(2, 3, 1)]), tensor([transposed(fill(3, 2, 5))]), { transposeB: true }), expected: batches },
];

/** Forward cases of matmul: layouts against a naive loop, NumPy's 1-D rules, batch broadcasting. */
export const matmulCases: OpCase[] = [...layoutCases, ...vectorCases, ...batchCases];
