import { log1p } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('log1p: d ln(1 + x)/dx = 1/(1 + x), first and second order, on random shapes', () => {
  checkUnary(log1p, 15, { low: -0.7, high: 3 });
});
