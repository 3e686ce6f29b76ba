import {
  type AvgPool2dAttrs,
  avgPool2d,
  avgPool2dBackward,
  type Conv2dAttrs,
  concat,
  conv2d,
  conv2dBackpropFilter,
  conv2dBackpropInput,
  cumsum,
  expand,
  gather,
  logSoftmax,
  matmul,
  max,
  maxPool2d,
  maxPool2dBackward,
  maxPool2dWithIndices,
  min,
  type Pool2dAttrs,
  pad,
  prod,
  reshape,
  scatterAdd,
  slice,
  softmax,
  sum,
  topk,
  transpose,
} from '@nagare/tensor';
import type { GradcheckCase } from './case';
import { distinct, draw, indices } from './values';

const CONV: Conv2dAttrs = { stride: [1, 1], padding: [1, 1, 1, 1], dilation: [1, 1], groups: 1 };
const POOL: Pool2dAttrs = {
  kernelSize: [2, 2],
  stride: [2, 2],
  padding: [0, 0, 0, 0],
  dilation: [1, 1],
  ceilMode: false,
};
const AVG: AvgPool2dAttrs = { ...POOL, countIncludePad: true };

/** Cases of reductions, shape ops, indexing, matmul, convolution and pooling (forward and backward ops). */
export const STRUCTURAL_CASES: GradcheckCase[] = [
  { op: 'sum', name: 'sum over axis 1', inputs: () => [draw([2, 3, 2], 50)], f: (x) => sum(x, 1) },
  {
    op: 'prod',
    name: 'prod over axis 0',
    inputs: () => [draw([3, 2], 51, { low: 0.5, high: 1.5 })],
    f: (x) => prod(x, 0),
  },
  { op: 'max', name: 'max over the last axis', inputs: () => [distinct([3, 4], 52)], f: (x) => max(x, -1) },
  { op: 'min', name: 'min over axis 0', inputs: () => [distinct([3, 4], 53)], f: (x) => min(x, 0) },
  {
    op: 'softmax',
    name: 'softmax over the last axis',
    inputs: () => [draw([2, 4], 54)],
    f: (x) => softmax(x),
  },
  {
    op: 'logSoftmax',
    name: 'logSoftmax over axis 0',
    inputs: () => [draw([3, 2], 55)],
    f: (x) => logSoftmax(x, 0),
  },
  { op: 'cumsum', name: 'cumsum over axis 1', inputs: () => [draw([2, 4], 56)], f: (x) => cumsum(x, 1) },
  {
    op: 'matmul',
    name: 'matmul [2, 3]·[3, 4]',
    inputs: () => [draw([2, 3], 57), draw([3, 4], 58)],
    f: (a, b) => matmul(a, b),
  },
  {
    op: 'matmul',
    name: 'matmul batched, transposeB',
    inputs: () => [draw([2, 2, 3], 59), draw([4, 3], 60)],
    f: (a, b) => matmul(a, b, { transposeB: true }),
  },
  {
    op: 'reshape',
    name: 'reshape [2, 6] → [3, 4]',
    inputs: () => [draw([2, 6], 61)],
    f: (x) => reshape(x, [3, 4]),
  },
  {
    op: 'transpose',
    name: 'transpose [2, 3, 4] by [2, 0, 1]',
    inputs: () => [draw([2, 3, 4], 62)],
    f: (x) => transpose(x, [2, 0, 1]),
  },
  {
    op: 'expand',
    name: 'expand [3, 1] → [3, 4]',
    inputs: () => [draw([3, 1], 63)],
    f: (x) => expand(x, [3, 4]),
  },
  {
    op: 'concat',
    name: 'concat [2, 3] and [1, 3]',
    inputs: () => [draw([2, 3], 64), draw([1, 3], 65)],
    f: (a, b) => concat([a, b], 0),
  },
  {
    op: 'slice',
    name: 'slice with a step',
    inputs: () => [draw([4, 5], 66)],
    f: (x) => slice(x, [1, 0], [3, 5], { steps: [1, 2] }),
  },
  {
    op: 'pad',
    name: 'constant pad',
    inputs: () => [draw([2, 3], 67)],
    f: (x) =>
      pad(x, [
        [1, 0],
        [0, 2],
      ]),
  },
  {
    op: 'pad',
    name: 'reflect pad',
    inputs: () => [draw([2, 4], 68)],
    f: (x) =>
      pad(
        x,
        [
          [0, 0],
          [2, 1],
        ],
        { mode: 'reflect' },
      ),
  },
  {
    op: 'gather',
    name: 'gather rows with a repeat',
    inputs: () => [draw([4, 3], 69), indices([0, 2, 2])],
    f: (x, i) => gather(x, i, 0),
  },
  {
    op: 'scatterAdd',
    name: 'scatterAdd rows with a repeat',
    inputs: () => [draw([4, 3], 70), indices([1, 3, 1]), draw([3, 3], 71)],
    f: (x, i, u) => scatterAdd(x, i, u, 0),
  },
  { op: 'topk', name: 'topk values, k = 2', inputs: () => [distinct([3, 5], 72)], f: (x) => topk(x, 2)[0] },
  {
    op: 'conv2d',
    name: 'conv2d 3×3, padding 1',
    inputs: () => [draw([1, 2, 4, 4], 73), draw([3, 2, 3, 3], 74)],
    f: (x, w) => conv2d(x, w, { padding: 1 }),
  },
  {
    op: 'conv2dBackpropInput',
    name: 'conv2dBackpropInput of a 3×3 conv',
    inputs: () => [draw([1, 3, 4, 4], 75), draw([3, 2, 3, 3], 76)],
    f: (dy, w) => conv2dBackpropInput(dy, w, [1, 2, 4, 4], CONV),
  },
  {
    op: 'conv2dBackpropFilter',
    name: 'conv2dBackpropFilter of a 3×3 conv',
    inputs: () => [draw([1, 2, 4, 4], 77), draw([1, 3, 4, 4], 78)],
    f: (x, dy) => conv2dBackpropFilter(x, dy, [3, 2, 3, 3], CONV),
  },
  {
    op: 'avgPool2d',
    name: 'avgPool2d 2×2',
    inputs: () => [draw([1, 2, 4, 4], 79)],
    f: (x) => avgPool2d(x, { kernelSize: 2 }),
  },
  {
    op: 'avgPool2dBackward',
    name: 'avgPool2dBackward 2×2',
    inputs: () => [draw([1, 2, 2, 2], 80)],
    f: (dy) => avgPool2dBackward(dy, [1, 2, 4, 4], AVG),
  },
  {
    op: 'maxPool2d',
    name: 'maxPool2d 2×2 of distinct values',
    inputs: () => [distinct([1, 2, 4, 4], 81)],
    f: (x) => maxPool2d(x, { kernelSize: 2 }),
  },
  {
    op: 'maxPool2dBackward',
    name: 'maxPool2dBackward 2×2',
    inputs: () => [
      draw([1, 2, 2, 2], 82),
      maxPool2dWithIndices(distinct([1, 2, 4, 4], 83), { kernelSize: 2 })[1],
    ],
    f: (dy, i) => maxPool2dBackward(dy, i, [1, 2, 4, 4], POOL),
  },
];
