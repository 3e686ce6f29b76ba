import { expm1 } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('expm1: d(eˣ − 1)/dx = eˣ, first and second order, on random shapes', () => {
  checkUnary(expm1, 13);
});
