import { sqrt } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('sqrt: d√x/dx = 1/(2√x), first and second order, on random shapes', () => {
  checkUnary(sqrt, 22, { low: 0.3, high: 3 });
});
