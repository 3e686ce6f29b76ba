import { slice, split } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('slice: dy goes back to the sliced positions, other elements get 0 (contiguous, strided, reversed)', () => {
  const x = randomValues([4, 5], 125);
  checkEach((t) => slice(t, [1, 0], [3, 5]), [[x]]);
  checkEach((t) => slice(t, [0], [5], { axes: [1], steps: [2] }), [[x]]);
  checkEach((t) => slice(t, [-1, 4], [-Infinity, 0], { steps: [-1, -2] }), [[x]]);
  checkEach((t) => slice(t, [2], [2], { axes: [0] }), [[x]]);
  checkEach((t) => slice(t, [0], [1], { axes: [0] }), [[randomValues([1, 3], 126)]]);
});

test('split (built on slice): every part passes its gradient back', () => {
  checkEach((t) => split(t, [1, 3], 1), [[randomValues([2, 4], 127)]]);
});
