import * as nt from '../../ops/all';
import { arange, tensor } from '../../ops/creation';
import type { OpCase } from '../op-case';
import { shaped } from './nn-shaped';

const ramp = () => tensor([1, 2, 3, 4, 5]);

/** Hand-computed cumsum and topk cases (including ONNX's CumSum and TopK examples). */
export const scanCases: OpCase[] = [
  { op: 'cumsum', name: 'inclusive', run: () => nt.cumsum(ramp(), 0), expected: [1, 3, 6, 10, 15] },
  {
    op: 'cumsum',
    name: 'exclusive',
    run: () => nt.cumsum(ramp(), 0, { exclusive: true }),
    expected: [0, 1, 3, 6, 10],
  },
  {
    op: 'cumsum',
    name: 'reverse',
    run: () => nt.cumsum(ramp(), 0, { reverse: true }),
    expected: [15, 14, 12, 9, 5],
  },
  {
    op: 'cumsum',
    name: 'reverse exclusive',
    run: () => nt.cumsum(ramp(), 0, { reverse: true, exclusive: true }),
    expected: [14, 12, 9, 5, 0],
  },
  {
    op: 'cumsum',
    name: 'negative axis of a matrix, int32 stays int32',
    run: () => nt.cumsum(tensor([1, 2, 3, 4, 5, 6], { dtype: 'int32' }).reshape([2, 3]), -1),
    expected: shaped([2, 3], [1, 3, 6, 4, 9, 15]),
    dtype: 'int32',
  },
  {
    op: 'topk',
    name: 'ONNX top_k: largest 3 along the last axis',
    run: () => nt.topk(arange(0, 12, 1, { dtype: 'float32' }).reshape([3, 4]), 3),
    expected: [shaped([3, 3], [3, 2, 1, 7, 6, 5, 11, 10, 9]), shaped([3, 3], [3, 2, 1, 3, 2, 1, 3, 2, 1])],
    dtype: ['float32', 'int32'],
  },
  {
    op: 'topk',
    name: 'smallest along axis 0, ties to the lower index',
    run: () => nt.topk(tensor([3, 1, 1, 1, 2, 0]).reshape([3, 2]), 2, { axis: 0, largest: false }),
    expected: [shaped([2, 2], [1, 0, 2, 1]), shaped([2, 2], [1, 2, 2, 0])],
  },
  {
    op: 'topk',
    name: 'NaN ranks above every number',
    run: () => nt.topk(tensor([1, Number.NaN, 5, 5]), 3),
    expected: [
      [Number.NaN, 5, 5],
      [1, 2, 3],
    ],
  },
];
