import { conv1d, conv2d } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('conv2d: input and filter gradients through the backprop kernels, first and second order', () => {
  checkEach((x, w) => conv2d(x, w), [[randomValues([2, 2, 4, 4], 160), randomValues([3, 2, 3, 3], 161)]]);
});

test('conv2d with stride, asymmetric padding, dilation and groups', () => {
  const x = randomValues([1, 4, 5, 6], 162);
  const w = randomValues([2, 2, 2, 3], 163);
  checkEach(
    (a, b) => conv2d(a, b, { stride: [2, 1], padding: [1, 0, 2, 1], dilation: [1, 2], groups: 2 }),
    [[x, w]],
  );
  checkEach(
    (a, b) => conv2d(a, b, { stride: 2, padding: 'same' }),
    [[randomValues([1, 1, 5, 5], 164), randomValues([2, 1, 3, 3], 165)]],
  );
});

test('conv2d bias and conv1d (composites) get gradients too', () => {
  checkEach(
    (x, w, b) => conv2d(x, w, { bias: b, padding: 1 }),
    [[randomValues([1, 2, 3, 3], 166), randomValues([2, 2, 3, 3], 167), randomValues([2], 168)]],
  );
  checkEach(
    (x, w) => conv1d(x, w, { stride: 2 }),
    [[randomValues([2, 2, 7], 169), randomValues([3, 2, 3], 170)]],
  );
});
