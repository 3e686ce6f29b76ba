import { expect, test } from 'vitest';
import { memory } from '../engine/active-backend';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { getOpDef } from '../op-registry';
import { expectNagareError } from '../test-helpers';
import { ones, tensor } from './creation';
import { flatten, reshape, squeeze, unsqueeze } from './reshape';

test('reshape is a view op: no kernel runs and no bytes are allocated', () => {
  expect(getOpDef('reshape')?.isView).toBe(true);
  const x = ones([2, 3]);
  const before = memory();
  const y = reshape(x, [3, -1]);
  expect(y.shape).toEqual([3, 2]);
  expect(y.storage).toBe(x.storage);
  expect(memory().bytes).toBe(before.bytes);
  expect(memory().tensors).toBe(before.tensors + 1);
});

test('a size mismatch is a ShapeError', () => {
  expectNagareError(() => reshape(ones([2, 3]), [4]), ShapeError, {
    op: 'reshape',
    code: 'SHAPE_MISMATCH',
    message: 'reshape: cannot reshape 6 elements to [4] (x: [2, 3])',
  });
  expectNagareError(() => reshape(ones([2, 3]), [4, -1]), ShapeError, {
    op: 'reshape',
    code: 'SHAPE_MISMATCH',
    message: 'reshape: cannot infer -1 in [4, -1] for 6 elements (x: [2, 3])',
  });
});

test('two −1 entries or a negative length are an ArgumentError', () => {
  expectNagareError(() => reshape(ones([4]), [-1, -1]), ArgumentError, {
    op: 'reshape',
    code: 'INVALID_ARGUMENT',
    message: 'reshape: only one -1 allowed in [-1, -1]',
  });
  expectNagareError(() => reshape(ones([4]), [-2, -2]), ArgumentError, {
    op: 'reshape',
    code: 'INVALID_ARGUMENT',
    message: 'reshape: invalid shape [-2, -2]',
  });
});

test('flatten, squeeze and unsqueeze errors name their op', () => {
  expectNagareError(() => flatten(ones([2, 3, 4]), 2, 1), ArgumentError, {
    op: 'flatten',
    code: 'INVALID_ARGUMENT',
    message: 'flatten: startAxis 2 comes after endAxis 1',
  });
  expectNagareError(() => flatten(ones([2, 3]), 2), ArgumentError, {
    op: 'flatten',
    code: 'INVALID_ARGUMENT',
  });
  expectNagareError(() => squeeze(ones([1, 2]), 1), ShapeError, {
    op: 'squeeze',
    code: 'SHAPE_MISMATCH',
    message: 'squeeze: axis 1 has length 2, not 1 (x: [1, 2])',
  });
  expectNagareError(() => unsqueeze(ones([2]), 2), ArgumentError, {
    op: 'unsqueeze',
    code: 'INVALID_ARGUMENT',
    message: 'unsqueeze: axis 2 is out of range for rank 2',
  });
});

test('methods call the free functions', () => {
  const x = tensor([[[1, 2, 3]], [[4, 5, 6]]]);
  expect(x.reshape([3, 2]).shape).toEqual([3, 2]);
  expect(x.flatten().shape).toEqual([6]);
  expect(x.flatten(1).shape).toEqual([2, 3]);
  expect(x.squeeze().shape).toEqual([2, 3]);
  expect(x.squeeze(1).shape).toEqual([2, 3]);
  expect(x.unsqueeze(-1).shape).toEqual([2, 1, 3, 1]);
});
