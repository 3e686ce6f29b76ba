import { pow, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkBinary, checkEach, randomValues } from './rule-check';

test('pow: both partials (positive base) with broadcasting, first and second order', () => {
  checkBinary(pow, 74, { a: { low: 0.3, high: 2 }, b: { low: -2, high: 3 } });
});

test('pow: a negative base with an integer exponent differentiates in the base', () => {
  checkEach((a) => pow(a, 3), [[randomValues([2, 3], 75)]]);
});

test('pow at a zero base: 0ᵇ has base gradient b·0ᵇ⁻¹ and no NaN exponent gradient for b ≥ 0', () => {
  const [da, db] = grad((a, b) => sum(pow(a, b)), { argnums: [0, 1] })(tensor([0, 0, 2]), tensor([2, 0, 1]));
  expect(da.toArray()).toEqual([0, 0, 1]);
  const [atZeroSquared, atZeroPowerZero, atTwo] = db.dataSync();
  expect(atZeroSquared).toBe(0);
  expect(atZeroPowerZero).toBe(0);
  expect(atTwo).toBeCloseTo(2 * Math.log(2), 6);
});
