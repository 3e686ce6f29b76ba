import { div } from '@nagare/tensor';
import { test } from 'vitest';
import { checkBinary } from './rule-check';

test('div: ∂(a/b)/∂a = 1/b and ∂(a/b)/∂b = −a/b² with broadcasting, first and second order', () => {
  checkBinary(div, 73, { b: { kinks: [0], margin: 0.4 } });
});
