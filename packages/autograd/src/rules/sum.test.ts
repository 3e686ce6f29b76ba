import { sum } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('sum: dy is broadcast back over the reduced axes, with and without keepDims', () => {
  const x = randomValues([2, 3, 4], 90);
  checkEach((t) => sum(t), [[x]]);
  checkEach((t) => sum(t, 1), [[x]]);
  checkEach((t) => sum(t, [0, 2], { keepDims: true }), [[x]]);
  checkEach((t) => sum(t, -1), [[randomValues([1, 3], 91)]]);
  checkEach((t) => sum(t), [[randomValues([], 92)]]);
});
