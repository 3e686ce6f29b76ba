import { log } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('log: d(ln x)/dx = 1/x, first and second order, on random shapes', () => {
  checkUnary(log, 14, { low: 0.3, high: 3 });
});
