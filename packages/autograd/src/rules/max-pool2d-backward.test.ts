import { maxPool2dBackward, maxPool2dWithIndices, type Pool2dAttrs } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('maxPool2dBackward: linear in dy, its gradient reads the upstream gradient at the saved positions', () => {
  const attrs: Pool2dAttrs = {
    kernelSize: [3, 3],
    stride: [2, 2],
    padding: [1, 1, 1, 1],
    dilation: [1, 1],
    ceilMode: false,
  };
  const [, indices] = maxPool2dWithIndices(randomValues([2, 2, 5, 5], 181), {
    kernelSize: 3,
    stride: 2,
    padding: 1,
  });
  checkEach(
    (dy, i) => maxPool2dBackward(dy, i, [2, 2, 5, 5], attrs),
    [[randomValues(indices.shape, 182), indices]],
  );
});
