import { relu, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('relu: derivative is step(x) away from 0, first and second order, on random shapes', () => {
  checkUnary(relu, 41, { kinks: [0] });
});

test("relu'(0) = 0, as the lecture material defines it", () => {
  expect(grad((x) => sum(relu(x)))(tensor([-1, 0, 2])).toArray()).toEqual([0, 0, 1]);
});

test('relu has zero second derivative', () => {
  const second = grad((x) => sum(grad((y) => sum(relu(y)))(x)))(tensor([-1, 0.5, 2]));
  expect(second.toArray()).toEqual([0, 0, 0]);
});
