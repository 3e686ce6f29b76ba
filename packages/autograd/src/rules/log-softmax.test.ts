import { logSoftmax, mul, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('logSoftmax: dy − softmax·Σ dy along any axis, first and second order', () => {
  const x = randomValues([3, 4], 152);
  checkEach((t) => logSoftmax(t), [[x]]);
  checkEach((t) => logSoftmax(t, 0), [[x], [randomValues([2], 153)]]);
});

test('logSoftmax: the gradient stays finite and exact for huge logits', () => {
  // d/dx Σ w·logSoftmax(x) = w − softmax(x)·Σw; softmax of [1000, 1001, 1002] equals that of [0, 1, 2].
  const weights = tensor([1, 0, 0], { dtype: 'float64' });
  const g = grad((x) => sum(mul(logSoftmax(x), weights)))(tensor([1000, 1001, 1002], { dtype: 'float64' }));
  const e = [1, Math.E, Math.E ** 2];
  const total = e[0] + e[1] + e[2];
  const expected = [1 - e[0] / total, -e[1] / total, -e[2] / total];
  const values = g.dataSync();
  for (let i = 0; i < 3; i++) expect(values[i]).toBeCloseTo(expected[i], 12);
});
