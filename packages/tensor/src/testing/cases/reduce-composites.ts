// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { tensor, zeros } from '../../ops/creation';
import type { OpCase } from '../op-case';

const { POSITIVE_INFINITY: Inf, NEGATIVE_INFINITY: NegInf } = Number;
const f64 = (values: number[]) => tensor(values, { dtype: 'float64' });

const meanCases: OpCase[] = [
  { op: 'mean', name: 'every axis', run: () => nt.mean(tensor([[1, 2], [3, 6]])), expected: 3 },
  { op: 'mean', name: 'axis 1 with keepDims', run: () => nt.mean(tensor([[1, 2], [3, 6]]), 1, { keepDims: true }), expected: [[1.5], [4.5]] },
  { op: 'mean', name: 'int32 gives float32', run: () => nt.mean(tensor([1, 2], { dtype: 'int32' })), expected: 1.5, dtype: 'float32' },
  { op: 'mean', name: 'bool gives the fraction true', run: () => nt.mean(tensor([true, false, false, false])), expected: 0.25, dtype: 'float32' },
  { op: 'mean', name: 'float64 stays float64', run: () => nt.mean(f64([0.1, 0.2])), expected: 0.15000000000000002, dtype: 'float64', tolerance: { rtol: 1e-16, atol: 0 } },
  { op: 'mean', name: 'of nothing is NaN', run: () => nt.mean(zeros([0])), expected: NaN },
];

const LN2 = Math.LN2;

const logsumexpCases: OpCase[] = [
  { op: 'logsumexp', name: 'small values', run: () => nt.logsumexp(f64([0, Math.log(3)])), expected: Math.log(4), dtype: 'float64', tolerance: { rtol: 1e-15, atol: 0 } },
  // exp(1000) overflows: only the shifted form gives 1000 + ln 2.
  { op: 'logsumexp', name: 'stable for 1000s', run: () => nt.logsumexp(tensor([1000, 1000])), expected: 1000 + LN2 },
  { op: 'logsumexp', name: 'stable for −1000s', run: () => nt.logsumexp(f64([-1000, -1000])), expected: -1000 + LN2, dtype: 'float64', tolerance: { rtol: 1e-15, atol: 0 } },
  { op: 'logsumexp', name: 'per row, each with its own scale', run: () => nt.logsumexp(tensor([[1000, 1000], [-5, -5]]), 1), expected: [1000 + LN2, -5 + LN2] },
  { op: 'logsumexp', name: 'keepDims', run: () => nt.logsumexp(tensor([[0, 0], [1, 1]]), 0, { keepDims: true }), expected: [[Math.log(1 + Math.E), Math.log(1 + Math.E)]] },
  { op: 'logsumexp', name: 'an all −∞ slice gives −∞', run: () => nt.logsumexp(tensor([[NegInf, NegInf], [0, NegInf]]), 1), expected: [NegInf, 0] },
  { op: 'logsumexp', name: 'of nothing is −∞', run: () => nt.logsumexp(zeros([2, 0]), 1), expected: [NegInf, NegInf] },
  { op: 'logsumexp', name: '+∞ gives +∞', run: () => nt.logsumexp(tensor([Inf, 0])), expected: Inf },
  { op: 'logsumexp', name: 'NaN propagates', run: () => nt.logsumexp(tensor([NaN, 0])), expected: NaN },
];

const spreadCases: OpCase[] = [
  { op: 'variance', name: 'unbiased (n − 1) by default', run: () => nt.variance(tensor([1, 2, 3, 4])), expected: 5 / 3 },
  { op: 'variance', name: 'correction 0 is the population variance', run: () => nt.variance(tensor([1, 2, 3, 4]), 0, { correction: 0 }), expected: 1.25 },
  { op: 'variance', name: 'per row with keepDims', run: () => nt.variance(tensor([[1, 3], [2, 2]]), 1, { keepDims: true }), expected: [[2], [0]] },
  { op: 'variance', name: 'one element with correction 1 is NaN', run: () => nt.variance(tensor([5])), expected: NaN },
  { op: 'variance', name: 'int32 gives float32', run: () => nt.variance(tensor([1, 3], { dtype: 'int32' })), expected: 2, dtype: 'float32' },
  { op: 'variance', name: 'over axes [0, 1]', run: () => nt.variance(tensor([[[1], [2]], [[3], [4]]]), [0, 1], { correction: 0 }), expected: [1.25] },
  { op: 'std', name: 'population std', run: () => nt.std(tensor([2, 4, 4, 4, 5, 5, 7, 9]), 0, { correction: 0 }), expected: 2 },
  { op: 'std', name: 'unbiased by default', run: () => nt.std(f64([2, 4, 4, 4, 5, 5, 7, 9])), expected: Math.sqrt(32 / 7), dtype: 'float64', tolerance: { rtol: 1e-15, atol: 0 } },
  // A large offset cancels catastrophically in E[x²] − E[x]²; the centered form keeps it exact.
  { op: 'variance', name: 'centered, so a large offset does not cancel', run: () => nt.variance(f64([1e9 + 1, 1e9 + 2, 1e9 + 3])), expected: 1, dtype: 'float64', tolerance: { rtol: 1e-12, atol: 0 } },
];

const logicalCases: OpCase[] = [
  { op: 'all', name: 'per row', run: () => nt.all(tensor([[1, 0], [2, 3]]), 1), expected: [false, true], dtype: 'bool' },
  { op: 'all', name: 'NaN counts as true', run: () => nt.all(tensor([NaN, 1])), expected: true, dtype: 'bool' },
  { op: 'all', name: 'of nothing is true', run: () => nt.all(zeros([0])), expected: true, dtype: 'bool' },
  { op: 'all', name: 'keepDims', run: () => nt.all(tensor([[true, true], [false, true]]), 0, { keepDims: true }), expected: [[false, true]], dtype: 'bool' },
  { op: 'any', name: 'per row', run: () => nt.any(tensor([[1, 0], [0, 0]]), 1), expected: [true, false], dtype: 'bool' },
  { op: 'any', name: 'of nothing is false', run: () => nt.any(zeros([0])), expected: false, dtype: 'bool' },
  { op: 'any', name: 'over an empty axis is false', run: () => nt.any(zeros([2, 0]), 1), expected: [false, false], dtype: 'bool' },
];

/** Forward cases of the composite reductions mean, logsumexp, variance, std, all and any. */
export const reduceCompositeCases: OpCase[] = [...meanCases, ...logsumexpCases, ...spreadCases, ...logicalCases];
