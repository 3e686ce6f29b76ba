import { clip, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('clip: gradient 1 inside the bounds and 0 outside, first and second order, on random shapes', () => {
  checkUnary((x) => clip(x, -0.5, 0.7), 50, { kinks: [-0.5, 0.7] });
  checkUnary((x) => clip(x, -Infinity, 0.2), 51, { kinks: [0.2] });
});

test('clip: the bounds themselves pass the gradient (as PyTorch clamp)', () => {
  expect(grad((x) => sum(clip(x, -1, 1)))(tensor([-2, -1, 0, 1, 2])).toArray()).toEqual([0, 1, 1, 1, 0]);
});

test('clip with min > max is the constant max and has zero gradient', () => {
  expect(grad((x) => sum(clip(x, 2, 1)))(tensor([0, 1.5, 3])).toArray()).toEqual([0, 0, 0]);
});
