import { transpose } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('transpose: dy is permuted back by the inverse permutation', () => {
  checkEach((t) => transpose(t, [2, 0, 1]), [[randomValues([2, 3, 4], 112)]]);
  checkEach((t) => transpose(t), [[randomValues([3, 1], 113)]]);
});
