import { cumsum } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('cumsum: the gradient is the cumulative sum of dy in the other direction, every mode', () => {
  const x = randomValues([3, 4], 98);
  for (const exclusive of [false, true]) {
    for (const reverse of [false, true]) {
      checkEach((t) => cumsum(t, 1, { exclusive, reverse }), [[x]]);
      checkEach((t) => cumsum(t, 0, { exclusive, reverse }), [[x], [randomValues([1, 2], 99)]]);
    }
  }
});
