// biome-ignore-all format: one case per line keeps these tables readable
import * as nt from '../../ops/all';
import { arange, tensor, zeros } from '../../ops/creation';
import type { OpCase } from '../op-case';

const range = (n: number) => arange(n, undefined, 1, { dtype: 'float32' });
// x[i][j][k] = 12i + 4j + k, shape [2, 3, 4].
const cube = () => nt.reshape(range(24), [2, 3, 4]);

const reshapeCases: OpCase[] = [
  { op: 'reshape', name: 'row-major order', run: () => nt.reshape(range(6), [2, 3]), expected: [[0, 1, 2], [3, 4, 5]] },
  { op: 'reshape', name: '−1 is inferred', run: () => nt.reshape(range(6), [-1, 2]), expected: [[0, 1], [2, 3], [4, 5]] },
  { op: 'reshape', name: 'to a scalar', run: () => nt.reshape(tensor([7]), []), expected: 7 },
  { op: 'reshape', name: 'empty with −1', run: () => nt.reshape(zeros([0, 4]), [-1, 2]), expected: [], shape: [0, 2] },
  { op: 'reshape', name: 'keeps the dtype', run: () => nt.reshape(tensor([1, 2], { dtype: 'int32' }), [2, 1]), expected: [[1], [2]], dtype: 'int32' },
  { op: 'flatten', name: 'every axis', run: () => nt.flatten(tensor([[1, 2], [3, 4]])), expected: [1, 2, 3, 4] },
  { op: 'flatten', name: 'axes 1..2 of [2, 3, 4] gives [2, 12]', run: () => nt.flatten(cube(), 1), expected: [Array.from({ length: 12 }, (_, i) => i), Array.from({ length: 12 }, (_, i) => 12 + i)] },
  { op: 'flatten', name: 'axes 0..1 of [2, 3, 4] gives [6, 4]', run: () => nt.flatten(cube(), 0, 1), expected: Array.from({ length: 6 }, (_, r) => [0, 1, 2, 3].map((k) => 4 * r + k)) },
  { op: 'flatten', name: 'a scalar becomes [1]', run: () => nt.flatten(tensor(5)), expected: [5] },
  { op: 'squeeze', name: 'every length-1 axis', run: () => nt.squeeze(nt.reshape(range(3), [1, 3, 1])), expected: [0, 1, 2] },
  { op: 'squeeze', name: 'one axis', run: () => nt.squeeze(nt.reshape(range(3), [1, 3, 1]), -1), expected: [[0, 1, 2]] },
  { op: 'squeeze', name: 'a list of axes', run: () => nt.squeeze(nt.reshape(range(2), [1, 2, 1]), [0, 2]), expected: [0, 1] },
  { op: 'unsqueeze', name: 'at the front', run: () => nt.unsqueeze(tensor([1, 2]), 0), expected: [[1, 2]] },
  { op: 'unsqueeze', name: '−1 appends', run: () => nt.unsqueeze(tensor([1, 2]), -1), expected: [[1], [2]] },
  { op: 'unsqueeze', name: 'a scalar becomes [1]', run: () => nt.unsqueeze(tensor(3), 0), expected: [3] },
];

const transposeCases: OpCase[] = [
  { op: 'transpose', name: 'a matrix by default', run: () => nt.transpose(tensor([[1, 2, 3], [4, 5, 6]])), expected: [[1, 4], [2, 5], [3, 6]] },
  {
    op: 'transpose',
    name: 'perm [2, 0, 1] of [2, 3, 4]: out[k][i][j] = x[i][j][k]',
    run: () => nt.transpose(cube(), [2, 0, 1]),
    expected: [0, 1, 2, 3].map((k) => [0, 1].map((i) => [0, 1, 2].map((j) => 12 * i + 4 * j + k))),
  },
  { op: 'transpose', name: 'negative perm entries', run: () => nt.transpose(tensor([[1, 2]]), [-1, -2]), expected: [[1], [2]] },
  {
    op: 'transpose',
    name: 'reverses every axis by default: out[k][j][i] = x[i][j][k]',
    run: () => nt.transpose(cube()),
    expected: [0, 1, 2, 3].map((k) => [0, 1, 2].map((j) => [0, 1].map((i) => 12 * i + 4 * j + k))),
  },
  { op: 'transpose', name: 'a scalar is itself', run: () => nt.transpose(tensor(2)), expected: 2 },
  { op: 'transpose', name: 'bool', run: () => nt.transpose(tensor([[true, false]])), expected: [[true], [false]], dtype: 'bool' },
];

const expandCases: OpCase[] = [
  { op: 'expand', name: '[2] to [3, 2]', run: () => nt.expand(tensor([1, 2]), [3, 2]), expected: [[1, 2], [1, 2], [1, 2]] },
  { op: 'expand', name: '[3, 1] to [3, 4]', run: () => nt.expand(tensor([[1], [2], [3]]), [3, 4]), expected: [[1, 1, 1, 1], [2, 2, 2, 2], [3, 3, 3, 3]] },
  { op: 'expand', name: '−1 keeps an axis', run: () => nt.expand(tensor([[1], [2]]), [-1, 2]), expected: [[1, 1], [2, 2]] },
  { op: 'expand', name: 'a scalar to [2, 2]', run: () => nt.expand(tensor(7), [2, 2]), expected: [[7, 7], [7, 7]] },
  { op: 'expand', name: 'to a length-0 axis', run: () => nt.expand(tensor([[1], [2]]), [2, 0]), expected: [[], []] },
  { op: 'broadcastTo', name: 'same as expand', run: () => nt.broadcastTo(tensor([[1], [2]]), [2, 2, 3]), expected: [[[1, 1, 1], [2, 2, 2]], [[1, 1, 1], [2, 2, 2]]] },
];

/** Forward cases of reshape, flatten, squeeze, unsqueeze, transpose and expand. */
export const viewCases: OpCase[] = [...reshapeCases, ...transposeCases, ...expandCases];
