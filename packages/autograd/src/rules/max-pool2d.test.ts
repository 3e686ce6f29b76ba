import { maxPool2d, maxPool2dWithIndices, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { checkEach, randomValues } from './rule-check';

test('maxPool2d: dy goes to each window maximum, overlapping windows included, first and second order', () => {
  const x = randomValues([2, 2, 5, 5], 180);
  checkEach((t) => maxPool2d(t, { kernelSize: 2 }), [[x]]);
  checkEach((t) => maxPool2d(t, { kernelSize: 3, stride: 2, padding: 1 }), [[x]]);
  checkEach((t) => maxPool2d(t, { kernelSize: [2, 3], stride: 1, dilation: [2, 1], ceilMode: true }), [[x]]);
  checkEach((t) => maxPool2dWithIndices(t, { kernelSize: 2, ceilMode: true }), [[x]]);
});

test('maxPool2d: a maximum shared by overlapping windows collects each window gradient', () => {
  const x = tensor([
    [
      [
        [1, 2, 1],
        [2, 9, 2],
        [1, 2, 1],
      ],
    ],
  ]);
  expect(grad((t) => sum(maxPool2d(t, { kernelSize: 2, stride: 1 })))(x).toArray()).toEqual([
    [
      [
        [0, 0, 0],
        [0, 4, 0],
        [0, 0, 0],
      ],
    ],
  ]);
});
