import { floor, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('floor: zero gradient away from its jumps matches central differences, on random shapes', () => {
  checkUnary(floor, 45, { kinks: [-3, -2, -1, 0, 1, 2, 3], margin: 0.05 });
});

test('floor: the gradient is 0 everywhere, the jumps included', () => {
  expect(grad((x) => sum(floor(x)))(tensor([-1.5, -1, 0.25, 2])).toArray()).toEqual([0, 0, 0, 0]);
});
