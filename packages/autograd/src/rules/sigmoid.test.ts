import { sigmoid } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('sigmoid: dσ/dx = σ(1 − σ), first and second order, on random shapes', () => {
  checkUnary(sigmoid, 19);
});
