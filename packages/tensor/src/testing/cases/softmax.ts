// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

const { NEGATIVE_INFINITY: NegInf } = Number;
const softmaxOf = (row: number[]) => {
  const peak = Math.max(...row);
  const e = row.map((v) => Math.exp(v - peak));
  const total = e.reduce((s, v) => s + v, 0);
  return e.map((v) => v / total);
};

/** Forward cases of softmax and logSoftmax, including logits that would overflow exp. */
export const softmaxCases: OpCase[] = [
  { op: 'softmax', name: 'last axis by default', run: () => nt.softmax(tensor([[1, 2, 3], [0, 0, 0]])), expected: [softmaxOf([1, 2, 3]), [1 / 3, 1 / 3, 1 / 3]] },
  { op: 'softmax', name: 'axis 0', run: () => nt.softmax(tensor([[0, 1], [Math.log(3), 1]]), 0), expected: [[0.25, 0.5], [0.75, 0.5]] },
  // exp(1000) overflows: the max is subtracted first.
  { op: 'softmax', name: 'large logits do not overflow', run: () => nt.softmax(tensor([1000, 1001, 1002])), expected: softmaxOf([0, 1, 2]) },
  { op: 'softmax', name: 'very negative logits do not underflow to 0/0', run: () => nt.softmax(tensor([-1000, -1001])), expected: softmaxOf([0, -1]) },
  { op: 'softmax', name: '−∞ gets probability 0', run: () => nt.softmax(tensor([NegInf, 0, 0])), expected: [0, 0.5, 0.5] },
  { op: 'softmax', name: 'float64', run: () => nt.softmax(tensor([1, 2], { dtype: 'float64' })), expected: softmaxOf([1, 2]), dtype: 'float64', tolerance: { rtol: 1e-15, atol: 0 } },
  { op: 'logSoftmax', name: 'last axis by default', run: () => nt.logSoftmax(tensor([[0, Math.log(3)]])), expected: [[Math.log(0.25), Math.log(0.75)]] },
  { op: 'logSoftmax', name: 'large logits stay finite', run: () => nt.logSoftmax(tensor([1000, 0])), expected: [0, -1000] },
  { op: 'logSoftmax', name: 'extreme logits in float64', run: () => nt.logSoftmax(tensor([0, -800], { dtype: 'float64' })), expected: [0, -800], dtype: 'float64' },
  { op: 'logSoftmax', name: 'axis 0 of a [2, 1]', run: () => nt.logSoftmax(tensor([[5], [5]]), 0), expected: [[-Math.LN2], [-Math.LN2]] },
];

