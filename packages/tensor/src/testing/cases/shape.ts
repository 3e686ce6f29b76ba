import * as nt from '../../ops/all';
import { scalar, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

const matrix = () =>
  tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

const concatCases: OpCase[] = [
  {
    op: 'concat',
    name: 'rows',
    run: () =>
      nt.concat([
        tensor([
          [1, 2],
          [3, 4],
        ]),
        tensor([[5, 6]]),
      ]),
    expected: [
      [1, 2],
      [3, 4],
      [5, 6],
    ],
  },
  {
    op: 'concat',
    name: 'last axis (−1)',
    run: () =>
      nt.concat(
        [
          tensor([[1], [2]]),
          tensor([
            [3, 4],
            [5, 6],
          ]),
        ],
        -1,
      ),
    expected: [
      [1, 3, 4],
      [2, 5, 6],
    ],
  },
  {
    op: 'concat',
    name: 'middle axis of rank 3',
    run: () =>
      nt.concat(
        [
          tensor([[[1, 2]], [[3, 4]]]),
          tensor([
            [
              [5, 6],
              [7, 8],
            ],
            [
              [9, 10],
              [11, 12],
            ],
          ]),
        ],
        1,
      ),
    expected: [
      [
        [1, 2],
        [5, 6],
        [7, 8],
      ],
      [
        [3, 4],
        [9, 10],
        [11, 12],
      ],
    ],
  },
  {
    op: 'concat',
    name: 'promotes int32 and float32',
    run: () => nt.concat([tensor([1, 2], { dtype: 'int32' }), tensor([0.5])]),
    expected: [1, 2, 0.5],
    dtype: 'float32',
  },
  {
    op: 'concat',
    name: 'bool',
    run: () => nt.concat([tensor([true]), tensor([false, true])]),
    expected: [true, false, true],
    dtype: 'bool',
  },
  {
    op: 'concat',
    name: 'with a size-0 part',
    run: () => nt.concat([tensor([[1, 2]]), tensor([], { shape: [0, 2] })]),
    expected: [[1, 2]],
  },
  {
    op: 'concat',
    name: 'all parts empty',
    run: () => nt.concat([tensor([[], []]), tensor([[], []])], 1),
    expected: [[], []],
  },
];

const stackCases: OpCase[] = [
  {
    op: 'stack',
    name: 'new first axis',
    run: () => nt.stack([tensor([1, 2]), tensor([3, 4])]),
    expected: [
      [1, 2],
      [3, 4],
    ],
  },
  {
    op: 'stack',
    name: 'new last axis (−1)',
    run: () => nt.stack([tensor([1, 2]), tensor([3, 4])], -1),
    expected: [
      [1, 3],
      [2, 4],
    ],
  },
  {
    op: 'stack',
    name: 'scalars',
    run: () => nt.stack([scalar(1), scalar(2), scalar(3)]),
    expected: [1, 2, 3],
  },
  { op: 'stack', name: 'size-0 tensors', run: () => nt.stack([tensor([]), tensor([])]), expected: [[], []] },
];

const splitCases: OpCase[] = [
  {
    op: 'split',
    name: 'equal parts',
    run: () => nt.split(tensor([0, 1, 2, 3, 4, 5]), 3),
    expected: [
      [0, 1],
      [2, 3],
      [4, 5],
    ],
  },
  {
    op: 'split',
    name: 'listed lengths on axis 1',
    run: () => nt.split(matrix(), [1, 2], 1),
    expected: [
      [[1], [4]],
      [
        [2, 3],
        [5, 6],
      ],
    ],
  },
  {
    op: 'split',
    name: 'a zero-length part',
    run: () => nt.split(tensor([1, 2, 3]), [0, 3]),
    expected: [[], [1, 2, 3]],
  },
  {
    op: 'split',
    name: 'an empty axis',
    run: () => nt.split(tensor([[], []]), 2, 1),
    expected: [
      [[], []],
      [[], []],
    ],
  },
];

const tileCases: OpCase[] = [
  { op: 'tile', name: 'vector', run: () => nt.tile(tensor([1, 2]), [3]), expected: [1, 2, 1, 2, 1, 2] },
  {
    op: 'tile',
    name: 'rows',
    run: () =>
      nt.tile(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [2, 1],
      ),
    expected: [
      [1, 2],
      [3, 4],
      [1, 2],
      [3, 4],
    ],
  },
  {
    op: 'tile',
    name: 'columns',
    run: () =>
      nt.tile(
        tensor([
          [1, 2],
          [3, 4],
        ]),
        [1, 2],
      ),
    expected: [
      [1, 2, 1, 2],
      [3, 4, 3, 4],
    ],
  },
  {
    op: 'tile',
    name: 'reps longer than the rank',
    run: () => nt.tile(tensor([1, 2]), [2, 2]),
    expected: [
      [1, 2, 1, 2],
      [1, 2, 1, 2],
    ],
  },
  {
    op: 'tile',
    name: 'reps shorter than the rank',
    run: () => nt.tile(tensor([[1], [2]]), [3]),
    expected: [
      [1, 1, 1],
      [2, 2, 2],
    ],
  },
  { op: 'tile', name: 'zero reps', run: () => nt.tile(tensor([[1, 2]]), [2, 0]), expected: [[], []] },
];

/** Forward cases of concat, stack, split and tile. */
export const shapeCases: OpCase[] = [...concatCases, ...stackCases, ...splitCases, ...tileCases];
