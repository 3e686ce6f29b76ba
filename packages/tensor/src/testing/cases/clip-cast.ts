// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

const { POSITIVE_INFINITY: Inf, NEGATIVE_INFINITY: NegInf } = Number;
const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });
const i32 = (values: number[]) => tensor(values, { dtype: 'int32' });

const clipCases: OpCase[] = [
  { op: 'clip', name: 'into [0, 1]', run: () => nt.clip(tensor([-2, 0, 0.5, 1, 3]), 0, 1), expected: [0, 0, 0.5, 1, 1] },
  { op: 'clip', name: 'min > max gives max everywhere', run: () => nt.clip(tensor([-1, 0.5, 3]), 2, 1), expected: [1, 1, 1] },
  { op: 'clip', name: 'NaN passes through', run: () => nt.clip(f64([NaN, 5]), 0, 1), expected: [NaN, 1], dtype: 'float64' },
  { op: 'clip', name: 'infinite bounds', run: () => nt.clip(f64([NegInf, -5, 5, Inf]), NegInf, 0), expected: [NegInf, -5, 0, 0], dtype: 'float64' },
  { op: 'clip', name: 'only a lower bound', run: () => nt.clip(tensor([-5, 5]), 0), expected: [0, 5] },
  { op: 'clip', name: 'int32 stays int32', run: () => nt.clip(i32([-5, 2, 9]), 0, 4), expected: [0, 2, 4], dtype: 'int32' },
];

const castCases: OpCase[] = [
  { op: 'cast', name: 'float to int32 truncates toward zero', run: () => nt.cast(tensor([1.7, -1.7, 2.5, -0.5, 0.9999]), 'int32'), expected: [1, -1, 2, 0, 0], dtype: 'int32' },
  { op: 'cast', name: 'NaN and ±∞ to int32 give 0', run: () => nt.cast(f64([NaN, Inf, NegInf]), 'int32'), expected: [0, 0, 0], dtype: 'int32' },
  { op: 'cast', name: 'to bool: any non-zero, NaN included, is true', run: () => nt.cast(f64([0, -0, 0.5, -3, NaN, Inf]), 'bool'), expected: [false, false, true, true, true, true], dtype: 'bool' },
  { op: 'cast', name: 'int32 to bool', run: () => nt.cast(i32([0, 7, -1]), 'bool'), expected: [false, true, true], dtype: 'bool' },
  { op: 'cast', name: 'bool to float32 is 0 or 1', run: () => nt.cast(tensor([true, false]), 'float32'), expected: [1, 0], dtype: 'float32' },
  { op: 'cast', name: 'bool to int32 is 0 or 1', run: () => nt.cast(tensor([true, false]), 'int32'), expected: [1, 0], dtype: 'int32' },
  { op: 'cast', name: 'float64 to float32 rounds', run: () => nt.cast(f64([0.1, 1 + 2 ** -30]), 'float32'), expected: [Math.fround(0.1), 1], dtype: 'float32', tolerance: { rtol: 0, atol: 0 } },
  { op: 'cast', name: 'float32 to float64 is exact', run: () => nt.cast(tensor([0.1]), 'float64'), expected: [Math.fround(0.1)], dtype: 'float64', tolerance: { rtol: 0, atol: 0 } },
  { op: 'cast', name: 'int32 to float64 keeps large integers', run: () => nt.cast(i32([2147483647, -2147483648]), 'float64'), expected: [2147483647, -2147483648], dtype: 'float64', tolerance: { rtol: 0, atol: 0 } },
  { op: 'cast', name: 'keeps the shape', run: () => nt.cast(tensor([[1.5], [2.5]]), 'int32'), expected: [[1], [2]], dtype: 'int32' },
  { op: 'clone', name: 'same values and dtype', run: () => nt.clone(i32([3, -1])), expected: [3, -1], dtype: 'int32' },
];

/** Forward cases of clip, cast and clone. */
export const clipCastCases: OpCase[] = [...clipCases, ...castCases];
