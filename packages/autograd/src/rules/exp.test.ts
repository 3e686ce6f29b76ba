import { exp } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('exp: d(eˣ)/dx = eˣ, first and second order, on random shapes', () => {
  checkUnary(exp, 12);
});
