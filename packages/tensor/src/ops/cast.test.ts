import { expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { expectNagareError } from '../test-helpers';
import type { DType } from '../types';
import { assign, cast, clone } from './cast';
import { clip } from './clip';
import { ones, tensor } from './creation';

test('cast to an unknown dtype is a DTypeError', () => {
  expectNagareError(() => cast(ones([1]), 'int8' as DType), DTypeError, {
    op: 'cast',
    code: 'DTYPE_MISMATCH',
    message: 'cast: unknown dtype "int8"',
  });
});

test('clone copies into a new buffer', () => {
  const x = tensor([1, 2]);
  const copy = clone(x);
  expect(copy.storage).not.toBe(x.storage);
  assign(x, tensor([5, 6]));
  expect(copy.toArray()).toEqual([1, 2]);
  expect(x.clone().toArray()).toEqual([5, 6]);
  expect(x.cast('int32').dtype).toBe('int32');
});

test('assign writes in place, converting the dtype, and checks shapes', () => {
  const target = tensor([0, 0], { dtype: 'int32' });
  expect(assign(target, tensor([1.9, -2.5]))).toBe(target);
  expect(target.toArray()).toEqual([1, -2]);
  expectNagareError(() => assign(target, ones([3])), ShapeError, {
    op: 'assign',
    code: 'SHAPE_MISMATCH',
    message: 'assign: shapes differ (target: [2], value: [3])',
  });
  target.dispose();
  expectNagareError(() => assign(target, ones([2])), DisposedTensorError, {
    op: 'assign',
    code: 'DISPOSED_TENSOR',
    message: 'assign: target was used after it was disposed',
  });
});

test('clip rejects bool input and NaN bounds', () => {
  expectNagareError(() => clip(tensor([true]), 0, 1), DTypeError, {
    op: 'clip',
    code: 'DTYPE_MISMATCH',
    message: 'clip: expected a numeric input (x: bool)',
  });
  expectNagareError(() => clip(ones([1]), Number.NaN, 1), ArgumentError, {
    op: 'clip',
    code: 'INVALID_ARGUMENT',
    message: 'clip: bounds must not be NaN (min: NaN, max: 1)',
  });
  expect(tensor([-3, 3]).clip(-1, 1).toArray()).toEqual([-1, 1]);
});
