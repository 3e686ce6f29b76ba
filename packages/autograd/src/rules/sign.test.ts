import { sign, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('sign: zero gradient away from its jumps matches central differences, on random shapes', () => {
  checkUnary(sign, 44, { kinks: [0], margin: 0.05 });
});

test('sign: the gradient is 0 everywhere, the jumps included', () => {
  expect(grad((x) => sum(sign(x)))(tensor([-1.5, 0, 0.5, 2])).toArray()).toEqual([0, 0, 0, 0]);
});
