import { expand, tile } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('expand (and tile built on it): dy is summed over the broadcast axes, leading ones included', () => {
  checkEach(
    (t) => expand(t, [2, 3, 4]),
    [[randomValues([3, 1], 114)], [randomValues([], 115)], [randomValues([1, 1, 4], 116)]],
  );
  checkEach((t) => tile(t, [2, 3]), [[randomValues([2, 2], 117)]]);
});
