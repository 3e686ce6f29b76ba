import { tanh } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('tanh: d tanh x/dx = 1 − tanh²x, first and second order, on random shapes', () => {
  checkUnary(tanh, 24);
});
