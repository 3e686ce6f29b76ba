import * as nt from '../../ops/all';
import { tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';

const x = () =>
  tensor([
    [0, 1],
    [-1, 2],
  ]);

export const elementwiseCases: OpCase[] = [
  {
    op: 'exp',
    name: 'matrix',
    run: () => nt.exp(x()),
    expected: [
      [1, Math.E],
      [1 / Math.E, Math.exp(2)],
    ],
    dtype: 'float32',
  },
  {
    op: 'exp',
    name: 'propagates NaN',
    run: () => nt.exp(tensor([Number.NaN, 0])),
    expected: [Number.NaN, 1],
  },
  {
    op: 'add',
    name: 'broadcast row',
    run: () => nt.add(x(), tensor([10, 20])),
    expected: [
      [10, 21],
      [9, 22],
    ],
  },
  {
    op: 'add',
    name: 'int32 stays int32',
    run: () => nt.add(tensor([1, 2], { dtype: 'int32' }), 3),
    expected: [4, 5],
    dtype: 'int32',
  },
  {
    op: 'div',
    name: 'integers divide truly',
    run: () => nt.div(tensor([1, 3], { dtype: 'int32' }), 2),
    expected: [0.5, 1.5],
    dtype: 'float32',
  },
  { op: 'sum', name: 'axis 0', run: () => nt.sum(x(), 0), expected: [-1, 3] },
  {
    op: 'matmul',
    name: '2x2',
    run: () => nt.matmul(x(), x()),
    expected: [
      [-1, 2],
      [-2, 3],
    ],
  },
  {
    op: 'softmax',
    name: 'rows',
    run: () =>
      nt.softmax(
        tensor([
          [1, 1],
          [0, Math.log(3)],
        ]),
      ),
    expected: [
      [0.5, 0.5],
      [0.25, 0.75],
    ],
  },
];
