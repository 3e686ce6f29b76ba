import { neg } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('neg: d(−x)/dx = −1, first and second order, on random shapes', () => {
  checkUnary(neg, 16);
});
