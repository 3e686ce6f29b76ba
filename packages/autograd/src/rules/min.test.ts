import { min, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('min: dy goes to the minimum, with and without keepDims, first and second order', () => {
  const x = randomValues([2, 3, 4], 97);
  checkEach((t) => min(t), [[x]]);
  checkEach((t) => min(t, 2), [[x]]);
  checkEach((t) => min(t, [0, 1], { keepDims: true }), [[x]]);
});

test('min splits the gradient evenly between tied minima (documented choice)', () => {
  expect(grad((x) => sum(min(x)))(tensor([4, 1, 1, 2])).toArray()).toEqual([0, 0.5, 0.5, 0]);
});
