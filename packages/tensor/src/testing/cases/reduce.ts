// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { arange, tensor, zeros } from '../../ops/creation';
import type { OpCase } from '../op-case';

const { POSITIVE_INFINITY: Inf, NEGATIVE_INFINITY: NegInf } = Number;
const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });

// x[i][j][k] = 12i + 4j + k, shape [2, 3, 4].
const cube = () => nt.reshape(arange(24, undefined, 1, { dtype: 'float32' }), [2, 3, 4]);
const matrix = () => tensor([[1, 5, 2], [7, 0, 7]]);

const sumCases: OpCase[] = [
  { op: 'sum', name: 'every axis', run: () => nt.sum(cube()), expected: 276 },
  { op: 'sum', name: 'axis 1', run: () => nt.sum(cube(), 1), expected: [[12, 15, 18, 21], [48, 51, 54, 57]] },
  { op: 'sum', name: 'axes [0, 2]', run: () => nt.sum(cube(), [0, 2]), expected: [60, 92, 124] },
  { op: 'sum', name: 'negative axes [-3, -1] equal [0, 2]', run: () => nt.sum(cube(), [-3, -1]), expected: [60, 92, 124] },
  { op: 'sum', name: 'axes in any order', run: () => nt.sum(cube(), [2, 0]), expected: [60, 92, 124] },
  { op: 'sum', name: 'keepDims keeps length-1 axes', run: () => nt.sum(cube(), [0, 2], { keepDims: true }), expected: [[[60], [92], [124]]] },
  { op: 'sum', name: 'keepDims over every axis', run: () => nt.sum(matrix(), undefined, { keepDims: true }), expected: [[22]] },
  { op: 'sum', name: 'an empty axis list changes nothing', run: () => nt.sum(matrix(), []), expected: [[1, 5, 2], [7, 0, 7]] },
  { op: 'sum', name: 'bool counts as int32', run: () => nt.sum(tensor([true, false, true])), expected: 2, dtype: 'int32' },
  { op: 'sum', name: 'int32 stays int32', run: () => nt.sum(tensor([[1, 2], [3, 4]], { dtype: 'int32' }), 0), expected: [4, 6], dtype: 'int32' },
  // Accumulating in float32 would give 16777216: 16777216 + 1 rounds back down each time.
  { op: 'sum', name: 'float32 accumulates without losing small terms', run: () => nt.sum(tensor([16777216, 1, 1])), expected: 16777218, tolerance: { rtol: 0, atol: 0 } },
  { op: 'sum', name: 'NaN propagates', run: () => nt.sum(f64([1, NaN, 2])), expected: NaN },
  { op: 'sum', name: 'of nothing is 0', run: () => nt.sum(zeros([0])), expected: 0 },
  { op: 'sum', name: 'over an empty axis gives zeros', run: () => nt.sum(zeros([0, 3]), 0), expected: [0, 0, 0] },
  { op: 'sum', name: 'over a non-empty axis of an empty tensor is empty', run: () => nt.sum(zeros([0, 3]), 1), expected: [] },
];

const prodMaxMinCases: OpCase[] = [
  { op: 'prod', name: 'axis 1', run: () => nt.prod(matrix(), 1), expected: [10, 0] },
  { op: 'prod', name: 'of nothing is 1', run: () => nt.prod(zeros([0])), expected: 1 },
  { op: 'prod', name: 'over an empty axis gives ones', run: () => nt.prod(zeros([2, 0]), 1), expected: [1, 1] },
  { op: 'max', name: 'last axis', run: () => nt.max(cube(), -1), expected: [[3, 7, 11], [15, 19, 23]] },
  { op: 'max', name: 'keepDims', run: () => nt.max(matrix(), 0, { keepDims: true }), expected: [[7, 5, 7]] },
  { op: 'max', name: 'NaN propagates', run: () => nt.max(f64([1, NaN, Inf])), expected: NaN },
  { op: 'max', name: 'of nothing is −∞', run: () => nt.max(zeros([0])), expected: NegInf },
  { op: 'max', name: 'over an empty axis gives −∞', run: () => nt.max(zeros([0, 2]), 0), expected: [NegInf, NegInf] },
  { op: 'max', name: 'int32 of nothing is the lowest int32', run: () => nt.max(zeros([0], { dtype: 'int32' })), expected: -2147483648, dtype: 'int32' },
  { op: 'min', name: 'axis 0', run: () => nt.min(cube(), 0), expected: [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]] },
  { op: 'min', name: 'NaN propagates', run: () => nt.min(f64([1, NegInf, NaN])), expected: NaN },
  { op: 'min', name: 'of nothing is +∞', run: () => nt.min(zeros([0])), expected: Inf },
  { op: 'min', name: 'int32 of nothing is the highest int32', run: () => nt.min(zeros([0], { dtype: 'int32' })), expected: 2147483647, dtype: 'int32' },
  { op: 'max', name: 'bool is logical or', run: () => nt.max(tensor([[true, false], [false, false]]), 1), expected: [true, false], dtype: 'bool' },
];

const argCases: OpCase[] = [
  { op: 'argmax', name: 'along axis 1', run: () => nt.argmax(matrix(), 1), expected: [1, 0], dtype: 'int32' },
  { op: 'argmax', name: 'ties go to the first index', run: () => nt.argmax(tensor([3, 7, 7, 1])), expected: 1, dtype: 'int32' },
  { op: 'argmax', name: 'selectLastIndex takes the last tie', run: () => nt.argmax(tensor([3, 7, 7, 1]), 0, { selectLastIndex: true }), expected: 2, dtype: 'int32' },
  { op: 'argmax', name: 'along axis 0 with keepDims', run: () => nt.argmax(matrix(), 0, { keepDims: true }), expected: [[1, 0, 1]], dtype: 'int32' },
  { op: 'argmax', name: 'without an axis indexes the flattened tensor', run: () => nt.argmax(matrix()), expected: 3, dtype: 'int32' },
  { op: 'argmax', name: 'without an axis, keepDims keeps every axis', run: () => nt.argmax(matrix(), undefined, { keepDims: true }), expected: [[3]], dtype: 'int32' },
  { op: 'argmax', name: 'the first NaN counts as the largest', run: () => nt.argmax(f64([1, NaN, 5, NaN])), expected: 1, dtype: 'int32' },
  { op: 'argmax', name: 'negative axis', run: () => nt.argmax(cube(), -2), expected: [[2, 2, 2, 2], [2, 2, 2, 2]], dtype: 'int32' },
  { op: 'argmin', name: 'along axis 1', run: () => nt.argmin(matrix(), 1), expected: [0, 1], dtype: 'int32' },
  { op: 'argmin', name: 'ties go to the first index', run: () => nt.argmin(tensor([4, 1, 1])), expected: 1, dtype: 'int32' },
  { op: 'argmin', name: 'selectLastIndex takes the last tie', run: () => nt.argmin(tensor([[4, 1, 1], [0, 0, 2]]), 1, { selectLastIndex: true }), expected: [2, 1], dtype: 'int32' },
  { op: 'argmin', name: 'int32 input', run: () => nt.argmin(tensor([5, -3, 2], { dtype: 'int32' })), expected: 1, dtype: 'int32' },
];

/** Forward cases of the primitive reductions sum, prod, max, min, argmax and argmin. */
export const reduceCases: OpCase[] = [...sumCases, ...prodMaxMinCases, ...argCases];
