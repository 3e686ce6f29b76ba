import type { AvgPool2dAttrs, Conv2dAttrs, Pool2dAttrs } from '../../op-attrs';
import * as nt from '../../ops/all';
import { arange, ones, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

// Hand-computed network-kernel cases (ONNX's Conv examples, the CS231n/ConvNetJS conv demo layout).

const grid = (h: number, w: number, start = 0) => arange(start, start + h * w, 1, { dtype: 'float32' }).reshape([1, 1, h, w]);
const conv = (stride = 1, padding = 0): Conv2dAttrs => ({
  stride: [stride, stride],
  padding: [padding, padding, padding, padding],
  dilation: [1, 1],
  groups: 1,
});
const pool = (kernel: number, stride: number, padding = 0): Pool2dAttrs => ({
  kernelSize: [kernel, kernel],
  stride: [stride, stride],
  padding: [padding, padding, padding, padding],
  dilation: [1, 1],
  ceilMode: false,
});
const avg = (kernel: number, stride: number, countIncludePad = true): AvgPool2dAttrs => ({ ...pool(kernel, stride), countIncludePad });

// CS231n's conv demo geometry: a 5×5×3 volume, padding 1 (so 7×7×3), two 3×3×3 filters, stride 2,
// biases 1 and 0 → 3×3×2. out[0][0][0] = (2·1 + 2·1) + (2·−1) + (1·−1) + bias 1 = 2.
const demoInput = [
  [
    [2, 0, 1, 1, 0],
    [0, 2, 2, 0, 1],
    [1, 1, 0, 2, 2],
    [2, 0, 0, 1, 1],
    [0, 1, 2, 0, 2],
  ],
  [
    [1, 2, 0, 0, 2],
    [2, 1, 1, 2, 0],
    [0, 0, 2, 1, 1],
    [1, 2, 1, 0, 0],
    [2, 1, 0, 2, 1],
  ],
  [
    [0, 1, 2, 2, 1],
    [1, 0, 0, 1, 2],
    [2, 2, 1, 0, 0],
    [0, 1, 2, 2, 1],
    [1, 0, 1, 1, 0],
  ],
];
const demoFilters = [
  [
    [[1, -1, 0], [0, 1, -1], [-1, 0, 1]],
    [[0, 1, 1], [-1, 0, 0], [1, -1, 0]],
    [[-1, 0, 1], [1, 1, 0], [0, -1, -1]],
  ],
  [
    [[0, 0, 1], [1, -1, 0], [0, 1, -1]],
    [[1, 0, -1], [0, -1, 1], [-1, 1, 0]],
    [[1, 1, 0], [0, 0, -1], [-1, 0, 1]],
  ],
];
const demoOutput = [
  [[2, -1, 4], [4, 4, -2], [3, 5, 0]],
  [[-2, 0, -3], [3, -2, 3], [-3, 6, 0]],
];

const convCases: OpCase[] = [
  {
    op: 'conv2d',
    name: 'ConvNetJS demo: 5x5x3, padding 1, two 3x3 filters, stride 2, bias',
    run: () => nt.conv2d(tensor([demoInput]), tensor(demoFilters), { stride: 2, padding: 1, bias: tensor([1, 0]) }),
    expected: [demoOutput],
    dtype: 'float32',
  },
  {
    op: 'conv2d',
    name: 'ONNX basic_conv_with_padding: 5x5 ramp, 3x3 ones, padding 1',
    run: () => nt.conv2d(grid(5, 5), ones([1, 1, 3, 3]), { padding: 1 }),
    expected: [[[[12, 21, 27, 33, 24], [33, 54, 63, 72, 51], [63, 99, 108, 117, 81], [93, 144, 153, 162, 111], [72, 111, 117, 123, 84]]]],
  },
  {
    op: 'conv2d',
    name: 'ONNX conv_with_strides_padding: 7x5 ramp, stride 2, padding 1',
    run: () => nt.conv2d(grid(7, 5), ones([1, 1, 3, 3]), { stride: 2, padding: 1 }),
    expected: [[[[12, 27, 24], [63, 108, 81], [123, 198, 141], [112, 177, 124]]]],
  },
  {
    op: 'conv2d',
    name: "padding 'same' puts the odd padding row and column at the end",
    run: () => nt.conv2d(grid(4, 4), ones([1, 1, 2, 2]), { padding: 'same' }),
    expected: [[[[10, 14, 18, 10], [26, 30, 34, 18], [42, 46, 50, 26], [25, 27, 29, 15]]]],
  },
  {
    op: 'conv2d',
    name: 'dilation 2 reads every other pixel',
    run: () => nt.conv2d(grid(5, 5), ones([1, 1, 2, 2]), { dilation: 2 }),
    expected: [[[[24, 28, 32], [44, 48, 52], [64, 68, 72]]]],
  },
  {
    op: 'conv2d',
    name: 'groups 2: each filter sees only its own channel',
    run: () => nt.conv2d(arange(0, 18, 1, { dtype: 'float32' }).reshape([1, 2, 3, 3]), tensor([[[[1, 0], [0, -1]]], [[[1, 2], [3, 4]]]]), { groups: 2 }),
    expected: [[[[-4, -4], [-4, -4]], [[117, 127], [147, 157]]]],
  },
  {
    op: 'conv1d',
    name: "difference filter with padding 'same'",
    run: () => nt.conv1d(tensor([[[1, 2, 4, 7, 11]]]), tensor([[[1, -1]]]), { padding: 'same' }),
    expected: [[[-1, -2, -3, -4, 11]]],
  },
  {
    op: 'conv2dBackpropInput',
    name: 'ones dy spreads the kernel (a full convolution)',
    run: () => nt.conv2dBackpropInput(ones([1, 1, 2, 2]), tensor([[[[1, 2], [3, 4]]]]), [1, 1, 3, 3], conv()),
    expected: [[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]],
  },
  {
    op: 'conv2dBackpropInput',
    name: 'stride 2, padding 1: the middle row and column belong to two windows',
    run: () => nt.conv2dBackpropInput(tensor([[[[1, 2], [3, 4]]]]), ones([1, 1, 3, 3]), [1, 1, 3, 3], conv(2, 1)),
    expected: [[[[1, 3, 2], [4, 10, 6], [3, 7, 4]]]],
  },
  {
    op: 'conv2dBackpropFilter',
    name: 'ones dy sums each tap over the windows',
    run: () => nt.conv2dBackpropFilter(grid(3, 3), ones([1, 1, 2, 2]), [1, 1, 2, 2], conv()),
    expected: [[[[8, 12], [20, 24]]]],
  },
];

const poolCases: OpCase[] = [
  {
    op: 'maxPool2d',
    name: '2x2 windows',
    run: () => nt.maxPool2d(grid(4, 4), { kernelSize: 2 }),
    expected: [[[[5, 7], [13, 15]]]],
  },
  {
    op: 'maxPool2d',
    name: 'padding never wins',
    run: () => nt.maxPool2d(nt.neg(grid(3, 3, 1)), { kernelSize: 3, stride: 1, padding: 1 }),
    expected: [[[[-1, -1, -2], [-1, -1, -2], [-4, -4, -5]]]],
  },
  {
    op: 'maxPool2d',
    name: 'ceilMode keeps the partial last window',
    run: () => nt.maxPool2d(grid(5, 5), { kernelSize: 2, ceilMode: true }),
    expected: [[[[6, 8, 9], [16, 18, 19], [21, 23, 24]]]],
  },
  {
    op: 'maxPool2d',
    name: 'dilation 2',
    run: () => nt.maxPool2d(nt.neg(grid(4, 4)), { kernelSize: 2, stride: 1, dilation: 2 }),
    expected: [[[[0, -1], [-4, -5]]]],
  },
  {
    op: 'maxPool2dWithIndices',
    name: 'indices are flat positions in the input plane; ties go to the first',
    run: () => nt.maxPool2dWithIndices(tensor([[[[1, 3, 2, 2], [4, 0, 2, 2]]]]), { kernelSize: 2 }),
    expected: [[[[[4, 2]]]], [[[[4, 2]]]]],
    dtype: ['float32', 'int32'],
  },
  {
    op: 'maxPool2dBackward',
    name: 'routes dy to the winners',
    run: () => nt.maxPool2dBackward(tensor([[[[1, 2]]]]), tensor([[[[4, 2]]]], { dtype: 'int32' }), [1, 1, 2, 4], pool(2, 2)),
    expected: [[[[0, 0, 2, 0], [1, 0, 0, 0]]]],
  },
  {
    op: 'avgPool2d',
    name: '2x2 windows',
    run: () => nt.avgPool2d(grid(4, 4), { kernelSize: 2 }),
    expected: [[[[2.5, 4.5], [10.5, 12.5]]]],
  },
  {
    op: 'avgPool2d',
    name: 'countIncludePad divides by the whole window',
    run: () => nt.avgPool2d(grid(3, 3), { kernelSize: 3, stride: 1, padding: 1 }),
    expected: [[[[8 / 9, 15 / 9, 12 / 9], [21 / 9, 4, 3], [20 / 9, 33 / 9, 24 / 9]]]],
  },
  {
    op: 'avgPool2d',
    name: 'countIncludePad false divides by the covered inputs',
    run: () => nt.avgPool2d(grid(3, 3), { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false }),
    expected: [[[[2, 2.5, 3], [3.5, 4, 4.5], [5, 5.5, 6]]]],
  },
  {
    op: 'avgPool2d',
    name: 'ONNX averagepool_2d_ceil',
    run: () => nt.avgPool2d(grid(4, 4, 1), { kernelSize: 3, stride: 2, ceilMode: true, countIncludePad: false }),
    expected: [[[[6, 7.5], [12, 13.5]]]],
  },
  {
    op: 'avgPool2d',
    name: 'ceilMode: positions past the padded input never count',
    run: () => nt.avgPool2d(grid(4, 4), { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }),
    expected: [[[[10 / 9, 24 / 9, 10 / 6], [51 / 9, 10, 33 / 6], [25 / 6, 42 / 6, 15 / 4]]]],
  },
  {
    op: 'avgPool2dBackward',
    name: 'overlapping windows add their shares',
    run: () => nt.avgPool2dBackward(ones([1, 1, 2, 2]), [1, 1, 3, 3], { ...avg(2, 1), countIncludePad: true }),
    expected: [[[[0.25, 0.5, 0.25], [0.5, 1, 0.5], [0.25, 0.5, 0.25]]]],
  },
];

const scanCases: OpCase[] = [
  { op: 'cumsum', name: 'inclusive', run: () => nt.cumsum(tensor([1, 2, 3, 4, 5]), 0), expected: [1, 3, 6, 10, 15] },
  { op: 'cumsum', name: 'exclusive', run: () => nt.cumsum(tensor([1, 2, 3, 4, 5]), 0, { exclusive: true }), expected: [0, 1, 3, 6, 10] },
  { op: 'cumsum', name: 'reverse', run: () => nt.cumsum(tensor([1, 2, 3, 4, 5]), 0, { reverse: true }), expected: [15, 14, 12, 9, 5] },
  {
    op: 'cumsum',
    name: 'reverse exclusive',
    run: () => nt.cumsum(tensor([1, 2, 3, 4, 5]), 0, { reverse: true, exclusive: true }),
    expected: [14, 12, 9, 5, 0],
  },
  {
    op: 'cumsum',
    name: 'negative axis of a matrix, int32 stays int32',
    run: () => nt.cumsum(tensor([[1, 2, 3], [4, 5, 6]], { dtype: 'int32' }), -1),
    expected: [[1, 3, 6], [4, 9, 15]],
    dtype: 'int32',
  },
  {
    op: 'topk',
    name: 'ONNX top_k: largest 3 along the last axis',
    run: () => nt.topk(arange(0, 12, 1, { dtype: 'float32' }).reshape([3, 4]), 3),
    expected: [[[3, 2, 1], [7, 6, 5], [11, 10, 9]], [[3, 2, 1], [3, 2, 1], [3, 2, 1]]],
    dtype: ['float32', 'int32'],
  },
  {
    op: 'topk',
    name: 'smallest along axis 0, ties to the lower index',
    run: () => nt.topk(tensor([[3, 1], [1, 1], [2, 0]]), 2, { axis: 0, largest: false }),
    expected: [[[1, 0], [2, 1]], [[1, 2], [2, 0]]],
  },
  {
    op: 'topk',
    name: 'NaN ranks above every number',
    run: () => nt.topk(tensor([1, Number.NaN, 5, 5]), 3),
    expected: [[Number.NaN, 5, 5], [1, 2, 3]],
  },
];

/** Forward cases of conv2d/conv1d, pooling, their gradient kernels, cumsum and topk. */
export const nnCases: OpCase[] = [...convCases, ...poolCases, ...scanCases];
