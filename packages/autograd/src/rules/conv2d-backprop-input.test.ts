import { type Conv2dAttrs, conv2dBackpropInput } from '@nagare/tensor';
import { test } from 'vitest';
import { checkEach, randomValues } from './rule-check';

test('conv2dBackpropInput: differentiable in dy and in w (grad of a conv gradient), first and second order', () => {
  const attrs: Conv2dAttrs = { stride: [2, 1], padding: [1, 0, 1, 1], dilation: [1, 1], groups: 1 };
  // conv2d of a [1, 2, 5, 4] input with a [3, 2, 3, 2] filter gives dy of shape [1, 3, 2, 5].
  checkEach(
    (dy, w) => conv2dBackpropInput(dy, w, [1, 2, 5, 4], attrs),
    [[randomValues([1, 3, 2, 5], 171), randomValues([3, 2, 3, 2], 172)]],
  );
  const grouped: Conv2dAttrs = { stride: [1, 1], padding: [0, 0, 0, 0], dilation: [2, 1], groups: 2 };
  checkEach(
    (dy, w) => conv2dBackpropInput(dy, w, [2, 2, 5, 3], grouped),
    [[randomValues([2, 2, 1, 2], 173), randomValues([2, 1, 3, 2], 174)]],
  );
});
