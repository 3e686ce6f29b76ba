import * as nt from '../../ops/all';
import { arange, scalar, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

const matrix = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

const sliceCases: OpCase[] = [
  {
    op: 'slice',
    name: 'start, stop and step',
    run: () => nt.slice(arange(10), [2], [8], { steps: [3] }),
    expected: [2, 5],
    dtype: 'int32',
  },
  {
    op: 'slice',
    name: 'negative indices',
    run: () => nt.slice(tensor([0, 1, 2, 3, 4]), [-3], [-1]),
    expected: [2, 3],
  },
  {
    op: 'slice',
    name: 'clamps out-of-range bounds',
    run: () => nt.slice(tensor([0, 1, 2]), [-100], [100]),
    expected: [0, 1, 2],
  },
  {
    op: 'slice',
    name: 'start past the end is empty',
    run: () => nt.slice(tensor([0, 1, 2]), [7], [100]),
    expected: [],
  },
  {
    op: 'slice',
    name: 'reverses with step −1',
    run: () => nt.slice(tensor([0, 1, 2, 3]), [-1], [Number.NEGATIVE_INFINITY], { steps: [-1] }),
    expected: [3, 2, 1, 0],
  },
  {
    op: 'slice',
    name: 'step −2 stops before stop',
    run: () => nt.slice(tensor([0, 1, 2, 3, 4, 5]), [5], [0], { steps: [-2] }),
    expected: [5, 3, 1],
  },
  {
    op: 'slice',
    name: 'negative step clamps as NumPy',
    run: () => nt.slice(tensor([0, 1, 2]), [100], [-100], { steps: [-1] }),
    expected: [2, 1, 0],
  },
  {
    op: 'slice',
    name: 'negative step from before the start is empty',
    run: () => nt.slice(tensor([0, 1, 2]), [-5], [-10], { steps: [-1] }),
    expected: [],
  },
  {
    op: 'slice',
    name: 'one listed axis',
    run: () => nt.slice(matrix(), [1], [3], { axes: [1] }),
    expected: [
      [2, 3],
      [5, 6],
    ],
  },
  {
    op: 'slice',
    name: 'both axes backwards',
    run: () => nt.slice(matrix(), [-1, 2], [-3, -4], { steps: [-1, -2] }),
    expected: [
      [6, 4],
      [3, 1],
    ],
  },
  {
    op: 'slice',
    name: 'empty range on axis 1',
    run: () => nt.slice(matrix(), [1], [1], { axes: [1] }),
    expected: [[], []],
  },
  { op: 'slice', name: 'size-0 input', run: () => nt.slice(tensor([]), [0], [5]), expected: [] },
];

const padCases: OpCase[] = [
  {
    op: 'pad',
    name: 'constant zeros',
    run: () => nt.pad(tensor([1, 2, 3]), [[2, 1]]),
    expected: [0, 0, 1, 2, 3, 0],
  },
  {
    op: 'pad',
    name: 'constant value on two axes',
    run: () =>
      nt.pad(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [
          [1, 0],
          [0, 1],
        ],
        { value: 9 },
      ),
    expected: [
      [9, 9, 9],
      [1, 2, 9],
      [3, 4, 9],
    ],
  },
  {
    op: 'pad',
    name: 'reflect',
    run: () => nt.pad(tensor([1, 2, 3]), [[2, 2]], { mode: 'reflect' }),
    expected: [3, 2, 1, 2, 3, 2, 1],
  },
  {
    op: 'pad',
    name: 'reflect on two axes',
    run: () =>
      nt.pad(
        matrix(),
        [
          [1, 1],
          [1, 1],
        ],
        { mode: 'reflect' },
      ),
    expected: [
      [5, 4, 5, 6, 5],
      [2, 1, 2, 3, 2],
      [5, 4, 5, 6, 5],
      [2, 1, 2, 3, 2],
    ],
  },
  {
    op: 'pad',
    name: 'edge',
    run: () => nt.pad(tensor([1, 2, 3]), [[2, 1]], { mode: 'edge' }),
    expected: [1, 1, 1, 2, 3, 3],
  },
  {
    op: 'pad',
    name: 'wrap past the axis length',
    run: () => nt.pad(tensor([1, 2, 3]), [[2, 4]], { mode: 'wrap' }),
    expected: [2, 3, 1, 2, 3, 1, 2, 3, 1],
  },
  {
    op: 'pad',
    name: 'int32 keeps its dtype',
    run: () => nt.pad(tensor([1, 2], { dtype: 'int32' }), [[1, 1]], { value: -1 }),
    expected: [-1, 1, 2, -1],
    dtype: 'int32',
  },
  {
    op: 'pad',
    name: 'size-0 input, constant',
    run: () => nt.pad(tensor([]), [[1, 2]], { value: 5 }),
    expected: [5, 5, 5],
  },
  {
    op: 'pad',
    name: 'size-0 axis of a matrix',
    run: () =>
      nt.pad(tensor([[], []]), [
        [0, 0],
        [1, 1],
      ]),
    expected: [
      [0, 0],
      [0, 0],
    ],
  },
  { op: 'pad', name: 'scalar with no pads', run: () => nt.pad(scalar(7), []), expected: 7 },
];

/** Forward cases of slice and pad. */
export const slicePadCases: OpCase[] = [...sliceCases, ...padCases];
