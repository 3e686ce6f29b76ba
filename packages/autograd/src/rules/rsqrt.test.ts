import { rsqrt } from '@nagare/tensor';
import { test } from 'vitest';
import { checkUnary } from './rule-check';

test('rsqrt: d(x^−½)/dx = −½x^−³ᐟ², first and second order, on random shapes', () => {
  checkUnary(rsqrt, 18, { low: 0.3, high: 3 });
});
