import { cos } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('cos: d cos x/dx = −sin x, first and second order, on random shapes', () => {
  checkUnary(cos, 10);
});
