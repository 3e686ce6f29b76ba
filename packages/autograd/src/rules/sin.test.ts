import { sin } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('sin: d sin x/dx = cos x, first and second order, on random shapes', () => {
  checkUnary(sin, 20);
});
