import { gather, tensor } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('gather: dy is scatter-added back, so repeated and negative indices accumulate', () => {
  const indices = tensor(
    [
      [2, 0],
      [-1, 2],
    ],
    { dtype: 'int32' },
  );
  checkEach((x, i) => gather(x, i, 0), [[randomValues([3, 2], 131), indices]]);
  checkEach((x, i) => gather(x, i, 1), [[randomValues([2, 3, 2], 132), indices]]);
  checkEach((x, i) => gather(x, i), [[randomValues([4], 133), tensor([3], { dtype: 'int32' })]]);
});
