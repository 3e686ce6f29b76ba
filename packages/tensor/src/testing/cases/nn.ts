import type { Conv2dAttrs } from '../../op-attrs';
import * as nt from '../../ops/all';
import { arange, ones, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';
import { poolCases } from './nn-pool';
import { scanCases } from './nn-scan';
import { shaped } from './nn-shaped';

// Hand-computed convolution cases: ONNX's Conv examples and the CS231n/ConvNetJS conv demo layout.

const grid = (h: number, w: number) => arange(0, h * w, 1, { dtype: 'float32' }).reshape([1, 1, h, w]);
const conv = (stride = 1, padding = 0): Conv2dAttrs => ({
  stride: [stride, stride],
  padding: [padding, padding, padding, padding],
  dilation: [1, 1],
  groups: 1,
});

// CS231n's conv demo geometry: a 5×5×3 volume, padding 1 (so 7×7×3), two 3×3×3 filters, stride 2,
// biases 1 and 0 → 3×3×2. out[0][0][0] = (2·1 + 2·1) + (2·−1) + (1·−1) + bias 1 = 2. One line per channel.
const demoInput = shaped(
  [1, 3, 5, 5],
  [
    ...[2, 0, 1, 1, 0, 0, 2, 2, 0, 1, 1, 1, 0, 2, 2, 2, 0, 0, 1, 1, 0, 1, 2, 0, 2],
    ...[1, 2, 0, 0, 2, 2, 1, 1, 2, 0, 0, 0, 2, 1, 1, 1, 2, 1, 0, 0, 2, 1, 0, 2, 1],
    ...[0, 1, 2, 2, 1, 1, 0, 0, 1, 2, 2, 2, 1, 0, 0, 0, 1, 2, 2, 1, 1, 0, 1, 1, 0],
  ],
);
// One line per filter, its three 3×3 channel slices in a row.
const demoFilters = shaped(
  [2, 3, 3, 3],
  [
    ...[1, -1, 0, 0, 1, -1, -1, 0, 1, 0, 1, 1, -1, 0, 0, 1, -1, 0, -1, 0, 1, 1, 1, 0, 0, -1, -1],
    ...[0, 0, 1, 1, -1, 0, 0, 1, -1, 1, 0, -1, 0, -1, 1, -1, 1, 0, 1, 1, 0, 0, 0, -1, -1, 0, 1],
  ],
);

const convCases: OpCase[] = [
  {
    op: 'conv2d',
    name: 'ConvNetJS demo: 5x5x3, padding 1, two 3x3 filters, stride 2, bias',
    run: () =>
      nt.conv2d(tensor(demoInput), tensor(demoFilters), { stride: 2, padding: 1, bias: tensor([1, 0]) }),
    expected: shaped([1, 2, 3, 3], [2, -1, 4, 4, 4, -2, 3, 5, 0, -2, 0, -3, 3, -2, 3, -3, 6, 0]),
    dtype: 'float32',
  },
  {
    op: 'conv2d',
    name: 'ONNX basic_conv_with_padding: 5x5 ramp, 3x3 ones, padding 1',
    run: () => nt.conv2d(grid(5, 5), ones([1, 1, 3, 3]), { padding: 1 }),
    expected: shaped(
      [1, 1, 5, 5],
      [
        12, 21, 27, 33, 24, 33, 54, 63, 72, 51, 63, 99, 108, 117, 81, 93, 144, 153, 162, 111, 72, 111, 117,
        123, 84,
      ],
    ),
  },
  {
    op: 'conv2d',
    name: 'ONNX conv_with_strides_padding: 7x5 ramp, stride 2, padding 1',
    run: () => nt.conv2d(grid(7, 5), ones([1, 1, 3, 3]), { stride: 2, padding: 1 }),
    expected: shaped([1, 1, 4, 3], [12, 27, 24, 63, 108, 81, 123, 198, 141, 112, 177, 124]),
  },
  {
    op: 'conv2d',
    name: "padding 'same' puts the odd padding row and column at the end",
    run: () => nt.conv2d(grid(4, 4), ones([1, 1, 2, 2]), { padding: 'same' }),
    expected: shaped([1, 1, 4, 4], [10, 14, 18, 10, 26, 30, 34, 18, 42, 46, 50, 26, 25, 27, 29, 15]),
  },
  {
    op: 'conv2d',
    name: 'dilation 2 reads every other pixel',
    run: () => nt.conv2d(grid(5, 5), ones([1, 1, 2, 2]), { dilation: 2 }),
    expected: shaped([1, 1, 3, 3], [24, 28, 32, 44, 48, 52, 64, 68, 72]),
  },
  {
    op: 'conv2d',
    name: 'groups 2: each filter sees only its own channel',
    run: () =>
      nt.conv2d(
        arange(0, 18, 1, { dtype: 'float32' }).reshape([1, 2, 3, 3]),
        tensor([1, 0, 0, -1, 1, 2, 3, 4]).reshape([2, 1, 2, 2]),
        {
          groups: 2,
        },
      ),
    expected: shaped([1, 2, 2, 2], [-4, -4, -4, -4, 117, 127, 147, 157]),
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
    run: () =>
      nt.conv2dBackpropInput(
        ones([1, 1, 2, 2]),
        tensor([1, 2, 3, 4]).reshape([1, 1, 2, 2]),
        [1, 1, 3, 3],
        conv(),
      ),
    expected: shaped([1, 1, 3, 3], [1, 3, 2, 4, 10, 6, 3, 7, 4]),
  },
  {
    op: 'conv2dBackpropInput',
    name: 'stride 2, padding 1: the middle row and column belong to two windows',
    run: () =>
      nt.conv2dBackpropInput(
        tensor([1, 2, 3, 4]).reshape([1, 1, 2, 2]),
        ones([1, 1, 3, 3]),
        [1, 1, 3, 3],
        conv(2, 1),
      ),
    expected: shaped([1, 1, 3, 3], [1, 3, 2, 4, 10, 6, 3, 7, 4]),
  },
  {
    op: 'conv2dBackpropFilter',
    name: 'ones dy sums each tap over the windows',
    run: () => nt.conv2dBackpropFilter(grid(3, 3), ones([1, 1, 2, 2]), [1, 1, 2, 2], conv()),
    expected: shaped([1, 1, 2, 2], [8, 12, 20, 24]),
  },
];

/** Forward cases of conv2d/conv1d, pooling, their gradient kernels, cumsum and topk. */
export const nnCases: OpCase[] = [...convCases, ...poolCases, ...scanCases];
