import { runOp } from '../engine/dispatch';
import { ShapeError } from '../errors/shape-error';
import type { Conv2dAttrs } from '../op-attrs';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { checkFloatPair, conv2dOutputShape } from './conv2d';
import { checkNchw } from './window2d';

type Shape4 = [number, number, number, number];

// dy must be exactly what conv2d would produce for these operand shapes, or the adjoint is undefined.
function checkDy(
  op: string,
  dy: readonly number[],
  xShape: readonly number[],
  wShape: readonly number[],
  attrs: Conv2dAttrs,
) {
  const expected = conv2dOutputShape(op, xShape, wShape, attrs);
  if (!shapesEqual(dy, expected)) {
    throw new ShapeError(op, `dy must have conv2d's output shape [${expected.join(', ')}]`, {
      dy,
      x: xShape,
      w: wShape,
    });
  }
}

const conv2dBackpropInputOp = defineOp({
  name: 'conv2dBackpropInput',
  inputs: ['dy', 'w'],
  infer: ([dy, w], attrs) => {
    checkFloatPair('conv2dBackpropInput', ['dy', dy], ['w', w]);
    const inputShape = checkNchw('conv2dBackpropInput', 'inputShape', attrs.inputShape);
    checkDy('conv2dBackpropInput', dy.shape, inputShape, w.shape, attrs);
    return [{ shape: inputShape, dtype: dy.dtype }];
  },
});

const conv2dBackpropFilterOp = defineOp({
  name: 'conv2dBackpropFilter',
  inputs: ['x', 'dy'],
  infer: ([x, dy], attrs) => {
    checkFloatPair('conv2dBackpropFilter', ['x', x], ['dy', dy]);
    const filterShape = checkNchw('conv2dBackpropFilter', 'filterShape', attrs.filterShape);
    checkDy('conv2dBackpropFilter', dy.shape, x.shape, filterShape, attrs);
    return [{ shape: filterShape, dtype: x.dtype }];
  },
});

// A copy typed as rank 4; `infer` rejects any other rank with the shape as given.
function toShape4(shape: readonly number[]): Shape4 {
  return [...shape] as Shape4;
}

/**
 * Gradient of `conv2d` with respect to its input: given dy `[N, O, outH, outW]` and the filters
 * `w` `[O, C/groups, kH, kW]`, returns dx of `inputShape` `[N, C, H, W]` (a transposed
 * convolution). `attrs` are the forward call's normalized attributes.
 *
 * @example
 * const attrs = { stride: [2, 2], padding: [1, 1, 1, 1], dilation: [1, 1], groups: 1 } satisfies Conv2dAttrs;
 * conv2dBackpropInput(ones([1, 4, 4, 4]), ones([4, 3, 3, 3]), [1, 3, 8, 8], attrs).shape; // [1, 3, 8, 8]
 */
export function conv2dBackpropInput(
  dy: Tensor,
  w: Tensor,
  inputShape: readonly number[],
  attrs: Conv2dAttrs,
): Tensor {
  checkTensor('conv2dBackpropInput', 'dy', dy);
  checkTensor('conv2dBackpropInput', 'w', w);
  const { stride, padding, dilation, groups } = attrs;
  return runOp(conv2dBackpropInputOp, [dy, w], {
    stride,
    padding,
    dilation,
    groups,
    inputShape: toShape4(inputShape),
  })[0];
}

/**
 * Gradient of `conv2d` with respect to its filters: given the forward input `x` `[N, C, H, W]` and
 * dy `[N, O, outH, outW]`, returns dw of `filterShape` `[O, C/groups, kH, kW]`, summed over the batch.
 *
 * @example
 * const attrs = { stride: [1, 1], padding: [0, 0, 0, 0], dilation: [1, 1], groups: 1 } satisfies Conv2dAttrs;
 * conv2dBackpropFilter(ones([2, 3, 5, 5]), ones([2, 4, 3, 3]), [4, 3, 3, 3], attrs).shape; // [4, 3, 3, 3]
 */
export function conv2dBackpropFilter(
  x: Tensor,
  dy: Tensor,
  filterShape: readonly number[],
  attrs: Conv2dAttrs,
): Tensor {
  checkTensor('conv2dBackpropFilter', 'x', x);
  checkTensor('conv2dBackpropFilter', 'dy', dy);
  const { stride, padding, dilation, groups } = attrs;
  return runOp(conv2dBackpropFilterOp, [x, dy], {
    stride,
    padding,
    dilation,
    groups,
    filterShape: toShape4(filterShape),
  })[0];
}
