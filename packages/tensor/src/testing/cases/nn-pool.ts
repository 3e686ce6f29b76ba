import type { Pool2dAttrs } from '../../op-attrs';
import * as nt from '../../ops/all';
import { arange, ones, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';
import { shaped } from './nn-shaped';

const grid = (h: number, w: number, start = 0) =>
  arange(start, start + h * w, 1, { dtype: 'float32' }).reshape([1, 1, h, w]);
const pool = (kernel: number, stride: number): Pool2dAttrs => ({
  kernelSize: [kernel, kernel],
  stride: [stride, stride],
  padding: [0, 0, 0, 0],
  dilation: [1, 1],
  ceilMode: false,
});

/** Hand-computed max/avg pooling cases, forward and backward. */
export const poolCases: OpCase[] = [
  {
    op: 'maxPool2d',
    name: '2x2 windows',
    run: () => nt.maxPool2d(grid(4, 4), { kernelSize: 2 }),
    expected: shaped([1, 1, 2, 2], [5, 7, 13, 15]),
  },
  {
    op: 'maxPool2d',
    name: 'padding never wins',
    run: () => nt.maxPool2d(nt.neg(grid(3, 3, 1)), { kernelSize: 3, stride: 1, padding: 1 }),
    expected: shaped([1, 1, 3, 3], [-1, -1, -2, -1, -1, -2, -4, -4, -5]),
  },
  {
    op: 'maxPool2d',
    name: 'ceilMode keeps the partial last window',
    run: () => nt.maxPool2d(grid(5, 5), { kernelSize: 2, ceilMode: true }),
    expected: shaped([1, 1, 3, 3], [6, 8, 9, 16, 18, 19, 21, 23, 24]),
  },
  {
    op: 'maxPool2d',
    name: 'dilation 2',
    run: () => nt.maxPool2d(nt.neg(grid(4, 4)), { kernelSize: 2, stride: 1, dilation: 2 }),
    expected: shaped([1, 1, 2, 2], [0, -1, -4, -5]),
  },
  {
    op: 'maxPool2dWithIndices',
    name: 'indices are flat positions in the input plane; ties go to the first',
    run: () =>
      nt.maxPool2dWithIndices(
        tensor([
          [
            [
              [1, 3, 2, 2],
              [4, 0, 2, 2],
            ],
          ],
        ]),
        { kernelSize: 2 },
      ),
    expected: [shaped([1, 1, 1, 2], [4, 2]), shaped([1, 1, 1, 2], [4, 2])],
    dtype: ['float32', 'int32'],
  },
  {
    op: 'maxPool2dBackward',
    name: 'routes dy to the winners',
    run: () =>
      nt.maxPool2dBackward(
        tensor([[[[1, 2]]]]),
        tensor([[[[4, 2]]]], { dtype: 'int32' }),
        [1, 1, 2, 4],
        pool(2, 2),
      ),
    expected: shaped([1, 1, 2, 4], [0, 0, 2, 0, 1, 0, 0, 0]),
  },
  {
    op: 'avgPool2d',
    name: '2x2 windows',
    run: () => nt.avgPool2d(grid(4, 4), { kernelSize: 2 }),
    expected: shaped([1, 1, 2, 2], [2.5, 4.5, 10.5, 12.5]),
  },
  {
    op: 'avgPool2d',
    name: 'countIncludePad divides by the whole window',
    run: () => nt.avgPool2d(grid(3, 3), { kernelSize: 3, stride: 1, padding: 1 }),
    expected: shaped([1, 1, 3, 3], [8 / 9, 15 / 9, 12 / 9, 21 / 9, 4, 3, 20 / 9, 33 / 9, 24 / 9]),
  },
  {
    op: 'avgPool2d',
    name: 'countIncludePad false divides by the covered inputs',
    run: () => nt.avgPool2d(grid(3, 3), { kernelSize: 3, stride: 1, padding: 1, countIncludePad: false }),
    expected: shaped([1, 1, 3, 3], [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6]),
  },
  {
    op: 'avgPool2d',
    name: 'ONNX averagepool_2d_ceil',
    run: () =>
      nt.avgPool2d(grid(4, 4, 1), { kernelSize: 3, stride: 2, ceilMode: true, countIncludePad: false }),
    expected: shaped([1, 1, 2, 2], [6, 7.5, 12, 13.5]),
  },
  {
    op: 'avgPool2d',
    name: 'ceilMode: positions past the padded input never count',
    run: () => nt.avgPool2d(grid(4, 4), { kernelSize: 3, stride: 2, padding: 1, ceilMode: true }),
    expected: shaped([1, 1, 3, 3], [10 / 9, 24 / 9, 10 / 6, 51 / 9, 10, 33 / 6, 25 / 6, 42 / 6, 15 / 4]),
  },
  {
    op: 'avgPool2dBackward',
    name: 'overlapping windows add their shares',
    run: () =>
      nt.avgPool2dBackward(ones([1, 1, 2, 2]), [1, 1, 3, 3], { ...pool(2, 1), countIncludePad: true }),
    expected: shaped([1, 1, 3, 3], [0.25, 0.5, 0.25, 0.5, 1, 0.5, 0.25, 0.5, 0.25]),
  },
];
