import { flatten, reshape, squeeze, unsqueeze } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('reshape (and flatten/squeeze/unsqueeze built on it): dy is reshaped back', () => {
  const x = randomValues([2, 3, 1], 110);
  checkEach((t) => reshape(t, [3, 2]), [[x]]);
  checkEach((t) => flatten(t), [[x]]);
  checkEach((t) => squeeze(t, 2), [[x]]);
  checkEach((t) => unsqueeze(t, 0), [[randomValues([], 111)]]);
});
