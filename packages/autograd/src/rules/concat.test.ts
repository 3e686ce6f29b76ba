import { concat, stack } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('concat (and stack built on it): each input gets its block of dy', () => {
  const inputs = [randomValues([2, 1], 118), randomValues([2, 3], 119), randomValues([2, 2], 120)];
  checkEach((...ts) => concat(ts, 1), [inputs]);
  checkEach((...ts) => concat(ts, 0), [[randomValues([1, 3], 121), randomValues([2, 3], 122)]]);
  checkEach((...ts) => stack(ts, 1), [[randomValues([2, 3], 123), randomValues([2, 3], 124)]]);
});
