// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { arange, ones, tensor, zeros } from '../../ops/creation';
import type { DType } from '../../types';
import type { OpCase } from '../op-case';

const { POSITIVE_INFINITY: Inf, NEGATIVE_INFINITY: NegInf } = Number;
const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });
const i32 = (values: number[]) => tensor(values, { dtype: 'int32' });

// a: [2, 1] and b: [3] broadcast to [2, 3].
const column = () => tensor([[1], [4]]);
const row = () => tensor([2, 3, 5]);

const arithmeticCases: OpCase[] = [
  { op: 'add', name: '[2, 1] + [3] broadcasts to [2, 3]', run: () => nt.add(column(), row()), expected: [[3, 4, 6], [6, 7, 9]] },
  { op: 'sub', name: '[2, 1] − [3] broadcasts to [2, 3]', run: () => nt.sub(column(), row()), expected: [[-1, -2, -4], [2, 1, -1]] },
  { op: 'mul', name: '[2, 1] × [3] broadcasts to [2, 3]', run: () => nt.mul(column(), row()), expected: [[2, 3, 5], [8, 12, 20]] },
  { op: 'div', name: '[2, 1] ÷ [3] broadcasts to [2, 3]', run: () => nt.div(column(), row()), expected: [[0.5, 1 / 3, 0.2], [2, 4 / 3, 0.8]] },
  { op: 'pow', name: '[2, 1] ^ [3] broadcasts to [2, 3]', run: () => nt.pow(column(), row()), expected: [[1, 1, 1], [16, 64, 1024]] },
  { op: 'add', name: 'rank 3 + rank 1', run: () => nt.add(nt.reshape(arange(8, undefined, 1, { dtype: 'float32' }), [2, 2, 2]), tensor([10, 20])), expected: [[[10, 21], [12, 23]], [[14, 25], [16, 27]]] },
  { op: 'mul', name: '[3, 1] × [1, 2] (both broadcast)', run: () => nt.mul(tensor([[1], [2], [3]]), tensor([[10, 100]])), expected: [[10, 100], [20, 200], [30, 300]] },
  { op: 'add', name: 'scalar tensor + matrix', run: () => nt.add(tensor(1), tensor([[1, 2], [3, 4]])), expected: [[2, 3], [4, 5]] },
  { op: 'add', name: 'empty [0, 3] + [3] is [0, 3]', run: () => nt.add(zeros([0, 3]), row()), expected: [], shape: [0, 3] },
  { op: 'add', name: 'number on the left', run: () => nt.sub(10, row()), expected: [8, 7, 5] },
  { op: 'div', name: 'by zero gives ±∞ and NaN', run: () => nt.div(f64([1, -1, 0]), 0), expected: [Inf, NegInf, NaN], dtype: 'float64' },
  { op: 'pow', name: 'special powers (IEEE: 1^y = 1, (−1)^±∞ = 1)', run: () => nt.pow(f64([0, -8, 4, NaN, 1, -1, 0]), f64([0, 1 / 3, 0.5, 0, NaN, Inf, -1])), expected: [1, NaN, 2, 1, 1, 1, Inf], dtype: 'float64' },
  { op: 'pow', name: 'int32 stays int32', run: () => nt.pow(i32([2, 3]), 3), expected: [8, 27], dtype: 'int32' },
  { op: 'add', name: 'int32 wraps around on overflow', run: () => nt.add(i32([2147483647]), 1), expected: [-2147483648], dtype: 'int32' },
  { op: 'mul', name: 'float64 is not rounded to float32', run: () => nt.mul(f64([1 + 2 ** -40]), 3), expected: [3 + 3 * 2 ** -40], dtype: 'float64', tolerance: { rtol: 0, atol: 0 } },
];

const nanCases: OpCase[] = [
  { op: 'maximum', name: 'NaN wins from either side', run: () => nt.maximum(f64([NaN, 1, 2, NegInf]), f64([0, NaN, 1, -5])), expected: [NaN, NaN, 2, -5], dtype: 'float64' },
  { op: 'minimum', name: 'NaN wins from either side', run: () => nt.minimum(f64([NaN, 1, 2, Inf]), f64([0, NaN, 1, 5])), expected: [NaN, NaN, 1, 5], dtype: 'float64' },
  { op: 'maximum', name: 'broadcasts a number', run: () => nt.maximum(tensor([[-1, 2], [3, -4]]), 0), expected: [[0, 2], [3, 0]] },
  { op: 'minimum', name: 'int32 stays int32', run: () => nt.minimum(i32([-1, 5]), i32([0, 2])), expected: [-1, 2], dtype: 'int32' },
];

const comparisonCases: OpCase[] = [
  { op: 'eq', name: 'NaN equals nothing', run: () => nt.eq(f64([1, NaN, 2]), f64([1, NaN, 3])), expected: [true, false, false], dtype: 'bool' },
  { op: 'ne', name: 'NaN differs from everything', run: () => nt.ne(f64([1, NaN, 2]), f64([1, NaN, 3])), expected: [false, true, true], dtype: 'bool' },
  { op: 'lt', name: 'broadcast against a number', run: () => nt.lt(tensor([1, 2, 3, NaN]), 2), expected: [true, false, false, false], dtype: 'bool' },
  { op: 'le', name: 'broadcast against a number', run: () => nt.le(tensor([1, 2, 3, NaN]), 2), expected: [true, true, false, false], dtype: 'bool' },
  { op: 'gt', name: 'broadcast [2, 1] against [2]', run: () => nt.gt(tensor([[1], [3]]), tensor([2, 0])), expected: [[false, true], [true, true]], dtype: 'bool' },
  { op: 'ge', name: 'int32 against float32', run: () => nt.ge(i32([1, 2, 3]), tensor([1.5, 2, 2.5])), expected: [false, true, true], dtype: 'bool' },
  { op: 'eq', name: 'float32 against a number rounds the number the same way', run: () => nt.eq(tensor([0.1]), 0.1), expected: [true], dtype: 'bool' },
  { op: 'logicalAnd', name: 'non-zero (NaN too) is true', run: () => nt.logicalAnd(tensor([0, 1, 2, NaN]), tensor([1, 0, -3, 1])), expected: [false, false, true, true], dtype: 'bool' },
  { op: 'logicalOr', name: 'bool operands broadcast', run: () => nt.logicalOr(tensor([[true], [false]]), tensor([true, false])), expected: [[true, true], [true, false]], dtype: 'bool' },
];

// The promotion order is bool < int32 < float32 < float64; arithmetic on bools counts them as int32.
const PROMOTION: [DType, DType, DType][] = [
  ['bool', 'bool', 'int32'],
  ['bool', 'int32', 'int32'],
  ['bool', 'float32', 'float32'],
  ['bool', 'float64', 'float64'],
  ['int32', 'int32', 'int32'],
  ['int32', 'float32', 'float32'],
  ['int32', 'float64', 'float64'],
  ['float32', 'float32', 'float32'],
  ['float32', 'float64', 'float64'],
  ['float64', 'float64', 'float64'],
];

const promotionCases: OpCase[] = PROMOTION.flatMap(([a, b, sum]): OpCase[] => [
  { op: 'add', name: `${a} + ${b} is ${sum}`, run: () => nt.add(ones([2], { dtype: a }), ones([2], { dtype: b })), expected: [2, 2], dtype: sum },
  { op: 'add', name: `${b} + ${a} is ${sum}`, run: () => nt.add(ones([2], { dtype: b }), ones([2], { dtype: a })), expected: [2, 2], dtype: sum },
  { op: 'div', name: `${a} ÷ ${b} is ${sum === 'float64' ? 'float64' : 'float32'}`, run: () => nt.div(ones([1], { dtype: a }), ones([1], { dtype: b })), expected: [1], dtype: sum === 'float64' ? 'float64' : 'float32' },
  { op: 'lt', name: `${a} < ${b} is bool`, run: () => nt.lt(ones([1], { dtype: a }), ones([1], { dtype: b })), expected: [false], dtype: 'bool' },
]);

// A plain number takes the tensor's dtype when it fits (PyTorch's "weak" scalars).
const scalarCases: OpCase[] = [
  { op: 'mul', name: 'float32 × number stays float32', run: () => nt.mul(tensor([1, 2]), 0.5), expected: [0.5, 1], dtype: 'float32' },
  { op: 'mul', name: 'float64 × number stays float64', run: () => nt.mul(f64([1, 2]), 0.1), expected: [0.1, 0.2], dtype: 'float64', tolerance: { rtol: 1e-15, atol: 0 } },
  { op: 'add', name: 'int32 + integer stays int32', run: () => nt.add(i32([1, 2]), 3), expected: [4, 5], dtype: 'int32' },
  { op: 'add', name: 'int32 + fraction gives float32', run: () => nt.add(i32([1, 2]), 0.5), expected: [1.5, 2.5], dtype: 'float32' },
  { op: 'add', name: 'bool + integer gives int32', run: () => nt.add(tensor([true, false]), 1), expected: [2, 1], dtype: 'int32' },
  { op: 'add', name: 'two numbers', run: () => nt.add(1, 2), expected: 3, dtype: 'int32' },
];

const whereCases: OpCase[] = [
  { op: 'where', name: 'picks elementwise', run: () => nt.where(tensor([true, false, true]), tensor([1, 2, 3]), tensor([-1, -2, -3])), expected: [1, -2, 3] },
  { op: 'where', name: 'broadcasts condition [2, 1], a [1, 3] and b scalar', run: () => nt.where(tensor([[true], [false]]), tensor([[1, 2, 3]]), tensor(0)), expected: [[1, 2, 3], [0, 0, 0]] },
  { op: 'where', name: 'numbers as branches (relu)', run: () => { const x = tensor([-2, 0, 3]); return nt.where(nt.gt(x, 0), x, 0); }, expected: [0, 0, 3], dtype: 'float32' },
  { op: 'where', name: 'NaN in the branch not taken is ignored', run: () => nt.where(tensor([true, false]), f64([1, NaN]), f64([NaN, 2])), expected: [1, 2], dtype: 'float64' },
  { op: 'where', name: 'int32 branches stay int32', run: () => nt.where(tensor([false, true]), i32([1, 2]), i32([3, 4])), expected: [3, 2], dtype: 'int32' },
];

/** Forward cases of the binary elementwise ops, the dtype promotion table and where. */
export const binaryCases: OpCase[] = [
  ...arithmeticCases,
  ...nanCases,
  ...comparisonCases,
  ...promotionCases,
  ...scalarCases,
  ...whereCases,
];
