import { softplus } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('softplus: d softplus/dx = σ(x), first and second order, on random shapes', () => {
  checkUnary(softplus, 21);
});
