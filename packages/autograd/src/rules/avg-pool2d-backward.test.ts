import { type AvgPool2dAttrs, avgPool2dBackward } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('avgPool2dBackward: its gradient is average pooling of the upstream gradient', () => {
  for (const countIncludePad of [true, false]) {
    const attrs: AvgPool2dAttrs = {
      kernelSize: [3, 3],
      stride: [2, 2],
      padding: [1, 1, 1, 1],
      dilation: [1, 1],
      ceilMode: true,
      countIncludePad,
    };
    // A [1, 2, 5, 5] input pooled this way gives [1, 2, 3, 3].
    checkEach((dy) => avgPool2dBackward(dy, [1, 2, 5, 5], attrs), [[randomValues([1, 2, 3, 3], 184)]]);
  }
});
