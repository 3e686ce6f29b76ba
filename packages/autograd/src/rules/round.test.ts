import { round, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('round: zero gradient away from its jumps matches central differences, on random shapes', () => {
  checkUnary(round, 45, { kinks: [-2.5, -1.5, -0.5, 0.5, 1.5, 2.5], margin: 0.05 });
});

test('round: the gradient is 0 everywhere, the jumps included', () => {
  expect(grad((x) => sum(round(x)))(tensor([-1.5, -1, 0.25, 2.5])).toArray()).toEqual([0, 0, 0, 0]);
});
