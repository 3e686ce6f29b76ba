import { add } from '@nagare/tensor';
import { test } from 'vitest';
import { checkBinary } from './rule-check';

test('add: both partials are 1, summed over broadcast axes, first and second order', () => {
  checkBinary(add, 70);
});
