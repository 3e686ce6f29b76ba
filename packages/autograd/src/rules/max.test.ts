import { max, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('max: dy goes to the maximum, with and without keepDims, first and second order', () => {
  const x = randomValues([2, 3, 4], 95);
  checkEach((t) => max(t), [[x]]);
  checkEach((t) => max(t, 1), [[x]]);
  checkEach((t) => max(t, [0, 2], { keepDims: true }), [[x]]);
  checkEach((t) => max(t, 0), [[randomValues([1, 3], 96)]]);
});

test('max splits the gradient evenly between tied maxima (documented choice)', () => {
  expect(
    grad((x) => sum(max(x, 1)))(
      tensor(
        [
          [1, 3, 3],
          [2, 2, 2],
          [5, 1, 0],
        ],
        { dtype: 'float64' },
      ),
    ).toArray(),
  ).toEqual([
    [0, 0.5, 0.5],
    [1 / 3, 1 / 3, 1 / 3],
    [1, 0, 0],
  ]);
});
