import { abs, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkUnary } from './rule-check';

test('abs: d|x|/dx = sign(x) away from 0, first and second order, on random shapes', () => {
  checkUnary(abs, 40, { kinks: [0] });
});

test("abs'(0) = 0: the subgradient at the kink is 0", () => {
  expect(grad((x) => sum(abs(x)))(tensor([-2, 0, 3])).toArray()).toEqual([-1, 0, 1]);
});
