import { mul, softmax, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('softmax: y ⊙ (dy − Σ dy ⊙ y) along any axis, first and second order', () => {
  const x = randomValues([3, 4], 150);
  checkEach((t) => softmax(t), [[x]]);
  checkEach((t) => softmax(t, 0), [[x], [randomValues([1, 3], 151)]]);
});

test('softmax: the gradient stays finite for huge logits', () => {
  const weights = tensor([1, 2, 3], { dtype: 'float64' });
  const g = grad((x) => sum(mul(softmax(x), weights)))(tensor([1000, 1001, 1002], { dtype: 'float64' }));
  expect(Array.from(g.dataSync()).every(Number.isFinite)).toBe(true);
});
