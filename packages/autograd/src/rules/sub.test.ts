import { sub } from '@nagare/tensor';
import { test } from 'vitest';
import { checkBinary } from './rule-check';

test('sub: partials 1 and −1, summed over broadcast axes, first and second order', () => {
  checkBinary(sub, 71);
});
