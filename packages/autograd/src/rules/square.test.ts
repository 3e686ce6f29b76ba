import { square } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('square: d(x²)/dx = 2x, first and second order, on random shapes', () => {
  checkUnary(square, 23);
});
