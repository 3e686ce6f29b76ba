import * as nt from '../../ops/all';
import { arange, scalar, tensor } from '../../ops/creation';
import type { NestedArray } from '../../types';
import type { OpCase } from '../op-case';

const i32 = (values: NestedArray) => tensor(values, { dtype: 'int32' });
const emptyI32 = () => tensor([], { dtype: 'int32' });
const table = () =>
  tensor([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
const cube = () => arange(12, undefined, 1, { dtype: 'float32' }).reshape([2, 3, 2]);

const gatherCases: OpCase[] = [
  {
    op: 'gather',
    name: 'rows',
    run: () => nt.gather(table(), i32([2, 0])),
    expected: [
      [5, 6],
      [1, 2],
    ],
  },
  {
    op: 'gather',
    name: 'negative index on axis 1',
    run: () => nt.gather(table(), i32([-1]), 1),
    expected: [[2], [4], [6]],
  },
  {
    op: 'gather',
    name: '2-D indices',
    run: () =>
      nt.gather(
        tensor([10, 20, 30]),
        i32([
          [0, 1],
          [2, 2],
        ]),
      ),
    expected: [
      [10, 20],
      [30, 30],
    ],
  },
  {
    op: 'gather',
    name: 'scalar index drops the axis',
    run: () => nt.gather(table(), scalar(1, { dtype: 'int32' })),
    expected: [3, 4],
  },
  {
    op: 'gather',
    name: 'middle axis of rank 3',
    run: () => nt.gather(cube(), i32([2, 0]), 1),
    expected: [
      [
        [4, 5],
        [0, 1],
      ],
      [
        [10, 11],
        [6, 7],
      ],
    ],
  },
  {
    op: 'gather',
    name: 'bool data',
    run: () => nt.gather(tensor([true, false]), i32([1, 1, 0])),
    expected: [false, false, true],
    dtype: 'bool',
  },
  {
    op: 'gather',
    name: 'empty indices',
    run: () => nt.gather(table(), emptyI32(), 1),
    expected: [[], [], []],
  },
];

const scatterAddCases: OpCase[] = [
  {
    op: 'scatterAdd',
    name: 'repeated indices accumulate',
    run: () => nt.scatterAdd(tensor([0, 0, 0]), i32([0, 2, 0]), tensor([1, 2, 3])),
    expected: [4, 0, 2],
  },
  {
    op: 'scatterAdd',
    name: 'rows with a negative index',
    run: () =>
      nt.scatterAdd(
        tensor([
          [1, 1],
          [1, 1],
          [1, 1],
        ]),
        i32([2, -3]),
        tensor([
          [1, 2],
          [3, 4],
        ]),
      ),
    expected: [
      [4, 5],
      [1, 1],
      [2, 3],
    ],
  },
  {
    op: 'scatterAdd',
    name: 'axis 1 with 2-D indices',
    run: () =>
      nt.scatterAdd(
        tensor([
          [0, 0, 0],
          [0, 0, 0],
        ]),
        i32([[1, 1]]),
        tensor([[[1, 2]], [[3, 4]]]),
        1,
      ),
    expected: [
      [0, 3, 0],
      [0, 7, 0],
    ],
  },
  {
    op: 'scatterAdd',
    name: 'int32',
    run: () => nt.scatterAdd(i32([1, 1]), i32([1]), i32([5])),
    expected: [1, 6],
    dtype: 'int32',
  },
  {
    op: 'scatterAdd',
    name: 'empty indices copy x',
    run: () => nt.scatterAdd(tensor([1, 2]), emptyI32(), tensor([])),
    expected: [1, 2],
  },
];

const oneHotCases: OpCase[] = [
  {
    op: 'oneHot',
    name: 'negative and out-of-range indices',
    run: () => nt.oneHot(i32([0, 2, -1, 5, -4]), 3),
    expected: [
      [1, 0, 0],
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 0],
      [0, 0, 0],
    ],
    dtype: 'float32',
  },
  {
    op: 'oneHot',
    name: '2-D indices',
    run: () => nt.oneHot(i32([[1], [0]]), 2),
    expected: [[[0, 1]], [[1, 0]]],
  },
  { op: 'oneHot', name: 'depth 0', run: () => nt.oneHot(i32([1, 2]), 0), expected: [[], []] },
];

/** Forward cases of gather, scatterAdd and oneHot. */
export const indexingCases: OpCase[] = [...gatherCases, ...scatterAddCases, ...oneHotCases];
