import { type Conv2dAttrs, conv2dBackpropFilter } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('conv2dBackpropFilter: differentiable in x and in dy (grad of a conv gradient), first and second order', () => {
  const attrs: Conv2dAttrs = { stride: [2, 1], padding: [1, 0, 1, 1], dilation: [1, 1], groups: 1 };
  checkEach(
    (x, dy) => conv2dBackpropFilter(x, dy, [3, 2, 3, 2], attrs),
    [[randomValues([1, 2, 5, 4], 175), randomValues([1, 3, 2, 5], 176)]],
  );
  const grouped: Conv2dAttrs = { stride: [1, 1], padding: [0, 0, 0, 0], dilation: [2, 1], groups: 2 };
  checkEach(
    (x, dy) => conv2dBackpropFilter(x, dy, [2, 1, 3, 2], grouped),
    [[randomValues([2, 2, 5, 3], 177), randomValues([2, 2, 1, 2], 178)]],
  );
});
