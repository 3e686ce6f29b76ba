// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { tensor } from '../../ops/creation';
import type { Tensor } from '../../tensor';
import type { OpCase } from '../op-case';

const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });
const f32 = (values: number[]) => tensor(values);
const i32 = (values: number[]) => tensor(values, { dtype: 'int32' });

// float64 results must match the float64 formula to a few ulp; special values match exactly.
const TIGHT = { rtol: 1e-14, atol: 1e-15 };

const GENERAL = [-2.5, -1, -0.5, -1e-8, 0, 1e-8, 0.5, 1, 3];
const POSITIVE = [1e-10, 0.25, 1, 2, 10, 1e6];

type Unary = (x: Tensor) => Tensor;

/** One case comparing `fn` in float64 with an independent float64 reference formula. */
function againstMath(op: string, fn: Unary, reference: (x: number) => number, inputs = GENERAL): OpCase {
  return {
    op,
    name: 'float64 matches the formula',
    run: () => fn(f64(inputs)),
    expected: inputs.map(reference),
    dtype: 'float64',
    tolerance: TIGHT,
  };
}

/** One case of hand-picked special values (NaN, ±∞, signed zero, extremes) in float64. */
function special(op: string, fn: Unary, inputs: number[], expected: number[], name = 'NaN and ±∞'): OpCase {
  return { op, name, run: () => fn(f64(inputs)), expected, dtype: 'float64', tolerance: TIGHT };
}

const { POSITIVE_INFINITY: Inf, NEGATIVE_INFINITY: NegInf } = Number;

const mathCases: OpCase[] = [
  againstMath('neg', nt.neg, (x) => -x),
  againstMath('abs', nt.abs, Math.abs),
  againstMath('sign', nt.sign, Math.sign),
  againstMath('square', nt.square, (x) => x * x),
  againstMath('relu', nt.relu, (x) => Math.max(x, 0)),
  againstMath('step', nt.step, (x) => (x > 0 ? 1 : 0)),
  againstMath('floor', nt.floor, Math.floor),
  againstMath('ceil', nt.ceil, Math.ceil),
  againstMath('exp', nt.exp, Math.exp),
  againstMath('expm1', nt.expm1, Math.expm1),
  againstMath('log', nt.log, Math.log, POSITIVE),
  againstMath('log1p', nt.log1p, Math.log1p, POSITIVE),
  againstMath('sqrt', nt.sqrt, Math.sqrt, POSITIVE),
  againstMath('rsqrt', nt.rsqrt, (x) => 1 / Math.sqrt(x), POSITIVE),
  againstMath('reciprocal', nt.reciprocal, (x) => 1 / x, POSITIVE),
  againstMath('sin', nt.sin, Math.sin),
  againstMath('cos', nt.cos, Math.cos),
  againstMath('tanh', nt.tanh, Math.tanh),
  againstMath('sigmoid', nt.sigmoid, (x) => 1 / (1 + Math.exp(-x))),
  againstMath('softplus', nt.softplus, (x) => Math.log(1 + Math.exp(x))),
];

const specialCases: OpCase[] = [
  special('neg', nt.neg, [NaN, Inf, 0], [NaN, NegInf, -0]),
  special('abs', nt.abs, [NaN, NegInf, -0], [NaN, Inf, 0]),
  special('sign', nt.sign, [NaN, NegInf, Inf, 0], [NaN, -1, 1, 0]),
  special('square', nt.square, [NaN, NegInf, 1e200], [NaN, Inf, Inf]),
  special('exp', nt.exp, [NaN, NegInf, Inf, 710], [NaN, 0, Inf, Inf]),
  special('expm1', nt.expm1, [NaN, NegInf, Inf, 1e-10], [NaN, -1, Inf, 1.00000000005e-10], 'NaN, ±∞ and accuracy near 0'),
  special('log', nt.log, [NaN, 0, -1, Inf], [NaN, NegInf, NaN, Inf]),
  special('log1p', nt.log1p, [NaN, -1, -2, Inf, 1e-10], [NaN, NegInf, NaN, Inf, 9.9999999995e-11], 'NaN, ±∞ and accuracy near 0'),
  special('sqrt', nt.sqrt, [NaN, -1, Inf, 0], [NaN, NaN, Inf, 0]),
  special('rsqrt', nt.rsqrt, [NaN, 0, Inf, 4], [NaN, Inf, 0, 0.5]),
  special('reciprocal', nt.reciprocal, [NaN, 0, -0, NegInf], [NaN, Inf, NegInf, -0]),
  special('sin', nt.sin, [NaN, Inf, NegInf], [NaN, NaN, NaN]),
  special('cos', nt.cos, [NaN, Inf, NegInf], [NaN, NaN, NaN]),
  special('tanh', nt.tanh, [NaN, Inf, NegInf, 25], [NaN, 1, -1, 1]),
  special('floor', nt.floor, [NaN, NegInf, -1.5, 1.5], [NaN, NegInf, -2, 1]),
  special('ceil', nt.ceil, [NaN, Inf, -1.5, 1.5], [NaN, Inf, -1, 2]),
  // The stable forms: the naive 1/(1 + e^−x) and log(1 + e^x) overflow or lose everything here.
  special('sigmoid', nt.sigmoid, [NaN, NegInf, Inf, -800, 800, -40], [NaN, 0, 1, 0, 1, 4.248354255291589e-18], 'NaN, ±∞ and large |x|'),
  special('softplus', nt.softplus, [NaN, NegInf, Inf, 1000, -1000, -40, 0], [NaN, 0, Inf, 1000, 0, 4.248354255291589e-18, Math.LN2], 'NaN, ±∞ and large |x|'),
];

const roundingCases: OpCase[] = [
  special('round', nt.round, [0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.5, 2.4, 2.6, -2.6, NaN, Inf], [0, 2, 2, -0, -2, -2, 4, 2, 3, -3, NaN, Inf], 'halves go to the even neighbour'),
  { op: 'round', name: 'float32 halves to even', run: () => nt.round(f32([0.5, 1.5, 2.5, -2.5])), expected: [0, 2, 2, -2], dtype: 'float32' },
  { op: 'floor', name: 'int32 stays int32', run: () => nt.floor(i32([-3, 4])), expected: [-3, 4], dtype: 'int32' },
];

const kinkCases: OpCase[] = [
  special('relu', nt.relu, [-1, -0, 0, 1e-30, 2, NaN], [0, 0, 0, 1e-30, 2, NaN], 'is 0 at 0 and keeps NaN'),
  special('step', nt.step, [-1, -0, 0, 1e-30, 2, NaN], [0, 0, 0, 1, 1, NaN], 'is 0 at 0 (Heaviside) and keeps NaN'),
  { op: 'relu', name: 'int32 stays int32', run: () => nt.relu(i32([-2, 0, 3])), expected: [0, 0, 3], dtype: 'int32' },
  { op: 'neg', name: 'int32 stays int32', run: () => nt.neg(i32([-2, 0, 3])), expected: [2, 0, -3], dtype: 'int32' },
  { op: 'abs', name: 'int32 stays int32', run: () => nt.abs(i32([-2, 0, 3])), expected: [2, 0, 3], dtype: 'int32' },
];

// erf to 1e-15 against values computed with 80-digit arithmetic (Maclaurin series).
const ERF_TABLE: [number, number][] = [
  [1e-5, 1.1283791670578999e-5],
  [0.01, 0.011283415555849616],
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [-1, -0.8427007929497149],
  [2, 0.9953222650189527],
  [2.5, 0.999593047982555],
  [3, 0.9999779095030014],
  [4, 0.9999999845827421],
  [5, 0.9999999999984626],
  [5.5, 0.9999999999999927],
  [-5.5, -0.9999999999999927],
];

const erfCases: OpCase[] = [
  {
    op: 'erf',
    name: 'known values to 1e-15',
    run: () => nt.erf(f64(ERF_TABLE.map(([x]) => x))),
    expected: ERF_TABLE.map(([, y]) => y),
    dtype: 'float64',
    tolerance: { rtol: 0, atol: 1e-15 },
  },
  special('erf', nt.erf, [NaN, Inf, NegInf, 0, 30], [NaN, 1, -1, 0, 1]),
  { op: 'erf', name: 'float32', run: () => nt.erf(f32([0.5, -2])), expected: [0.5204998778130465, -0.9953222650189527], dtype: 'float32' },
];

const dtypeCases: OpCase[] = [
  { op: 'exp', name: 'int32 input gives float32', run: () => nt.exp(i32([0, 1])), expected: [1, Math.E], dtype: 'float32' },
  { op: 'sqrt', name: 'bool input gives float32', run: () => nt.sqrt(tensor([true, false])), expected: [1, 0], dtype: 'float32' },
  { op: 'tanh', name: 'float32 stays float32', run: () => nt.tanh(f32([0.5, -3])), expected: [Math.tanh(0.5), Math.tanh(-3)], dtype: 'float32' },
  { op: 'logicalNot', name: 'non-zero (NaN too) is true', run: () => nt.logicalNot(f32([0, -0, 2, NaN])), expected: [true, true, false, false], dtype: 'bool' },
  { op: 'isNaN', name: 'only NaN', run: () => nt.isNaN(f64([NaN, Inf, 0])), expected: [true, false, false], dtype: 'bool' },
  { op: 'isNaN', name: 'int32 is never NaN', run: () => nt.isNaN(i32([0, 1])), expected: [false, false], dtype: 'bool' },
  { op: 'isInf', name: '±∞ only', run: () => nt.isInf(f32([Inf, NegInf, NaN, 1])), expected: [true, true, false, false], dtype: 'bool' },
  { op: 'isInf', name: 'int32 and bool are never infinite', run: () => nt.isInf(i32([1, -2147483648])), expected: [false, false], dtype: 'bool' },
  { op: 'isFinite', name: 'bool is always finite', run: () => nt.isFinite(tensor([true, false])), expected: [true, true], dtype: 'bool' },
  { op: 'isFinite', name: 'not NaN and not ±∞', run: () => nt.isFinite(f32([Inf, NegInf, NaN, 1])), expected: [false, false, false, true], dtype: 'bool' },
  { op: 'exp', name: 'empty tensor', run: () => nt.exp(f32([])), expected: [], dtype: 'float32' },
  { op: 'sigmoid', name: 'keeps the shape', run: () => nt.sigmoid(tensor([[0], [0]])), expected: [[0.5], [0.5]] },
];

/** Forward cases of every unary elementwise op (and isInf/isFinite). */
export const unaryCases: OpCase[] = [...mathCases, ...specialCases, ...roundingCases, ...kinkCases, ...erfCases, ...dtypeCases];
