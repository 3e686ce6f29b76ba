import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { getOpDef } from '../op-registry';
import { expectNagareError } from '../test-helpers';
import { ones, tensor } from './creation';
import { broadcastTo, expand, transpose } from './transpose';

test('a perm that is not a permutation is an ArgumentError', () => {
  for (const perm of [[0], [0, 0], [0, 1, 2]]) {
    expectNagareError(() => transpose(ones([2, 3]), perm), ArgumentError, {
      op: 'transpose',
      code: 'INVALID_ARGUMENT',
      message: `transpose: perm [${perm.join(', ')}] is not a permutation of 2 axes`,
    });
  }
  expectNagareError(() => transpose(ones([2, 3]), [0, 2]), ArgumentError, {
    op: 'transpose',
    code: 'INVALID_ARGUMENT',
    message: 'transpose: axis 2 is out of range for rank 2',
  });
  expect(() =>
    getOpDef('transpose')?.infer([{ shape: [2, 3], dtype: 'float32' }], { perm: [1, 1] } as never),
  ).toThrow(ArgumentError);
});

test('expand to an incompatible shape is a ShapeError', () => {
  expectNagareError(() => expand(ones([2]), [3]), ShapeError, {
    op: 'expand',
    code: 'SHAPE_MISMATCH',
    message: 'expand: cannot broadcast to [3] (x: [2])',
  });
  expectNagareError(() => expand(ones([2, 1]), [2]), ShapeError, {
    op: 'expand',
    code: 'SHAPE_MISMATCH',
    message: 'expand: cannot broadcast to [2] (x: [2, 1])',
  });
  expectNagareError(() => expand(ones([2]), [-2, 2]), ArgumentError, {
    op: 'expand',
    code: 'INVALID_ARGUMENT',
  });
});

test('expand copies the data; transpose gives the permuted shape', () => {
  const x = tensor([[1], [2]]);
  const y = expand(x, [2, 3]);
  expect(y.storage).not.toBe(x.storage);
  expect(broadcastTo(x, [2, 2]).toArray()).toEqual([
    [1, 1],
    [2, 2],
  ]);
  expect(transpose(ones([2, 3, 4]), [2, 0, 1]).shape).toEqual([4, 2, 3]);
});

test('methods call the free functions', () => {
  const x = tensor([
    [1, 2],
    [3, 4],
  ]);
  expect(x.transpose().toArray()).toEqual([
    [1, 3],
    [2, 4],
  ]);
  expect(x.permute([1, 0]).toArray()).toEqual(x.transpose().toArray());
  expect(tensor([1]).broadcastTo([2]).toArray()).toEqual([1, 1]);
  expect(tensor([1, 2]).expand([2, 2]).toArray()).toEqual([
    [1, 2],
    [1, 2],
  ]);
});
