import { reciprocal } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('reciprocal: d(1/x)/dx = −1/x², first and second order, on random shapes', () => {
  checkUnary(reciprocal, 17, { kinks: [0], margin: 0.3 });
});
