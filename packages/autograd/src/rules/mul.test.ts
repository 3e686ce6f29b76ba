import { mul } from '@nagare/tensor';
import { test } from 'vitest';
import { checkBinary } from './rule-check';

test('mul: ∂(ab)/∂a = b and ∂(ab)/∂b = a with broadcasting, first and second order', () => {
  checkBinary(mul, 72);
});
