import { avgPool2d } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('avgPool2d: dy is spread evenly over each window, with and without counting the padding', () => {
  const x = randomValues([2, 2, 5, 5], 183);
  checkEach((t) => avgPool2d(t, { kernelSize: 2 }), [[x]]);
  for (const countIncludePad of [true, false]) {
    checkEach(
      (t) => avgPool2d(t, { kernelSize: 3, stride: 2, padding: 1, countIncludePad, ceilMode: true }),
      [[x]],
    );
  }
  checkEach((t) => avgPool2d(t, { kernelSize: [2, 3], stride: 1, dilation: [2, 1] }), [[x]]);
});
