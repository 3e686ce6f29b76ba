import { describe, expect, test } from 'vitest';
import { ArgumentError } from './argument-error';
import { BackendError } from './backend-error';
import { DisposedTensorError } from './disposed-tensor-error';
import { DTypeError } from './dtype-error';
import { isNagareError, NagareError } from './nagare-error';
import { ShapeError } from './shape-error';
import { UnsupportedOpError } from './unsupported-op-error';

describe('error classes', () => {
  test.each([
    [
      new ShapeError('matmul', 'inner dimensions differ', { a: [2, 3], b: [4, 5] }),
      'ShapeError',
      'SHAPE_MISMATCH',
      'matmul: inner dimensions differ (a: [2, 3], b: [4, 5])',
    ],
    [
      new ShapeError('squeeze', 'axis 0 has length 2, not 1'),
      'ShapeError',
      'SHAPE_MISMATCH',
      'squeeze: axis 0 has length 2, not 1',
    ],
    [
      new DTypeError('matmul', 'expected two numeric inputs of one dtype', { a: 'int32', b: 'float32' }),
      'DTypeError',
      'DTYPE_MISMATCH',
      'matmul: expected two numeric inputs of one dtype (a: int32, b: float32)',
    ],
    [
      new ArgumentError('sum', 'axis 3 is out of range for rank 2'),
      'ArgumentError',
      'INVALID_ARGUMENT',
      'sum: axis 3 is out of range for rank 2',
    ],
    [
      new DisposedTensorError('add', 'b'),
      'DisposedTensorError',
      'DISPOSED_TENSOR',
      'add: b was used after it was disposed',
    ],
    [
      new UnsupportedOpError('conv2d', 'float64', 'wasm'),
      'UnsupportedOpError',
      'UNSUPPORTED_OP',
      'conv2d: no float64 kernel on the wasm backend',
    ],
    [
      new BackendError('add', 'inputs live on different backends'),
      'BackendError',
      'BACKEND_MISMATCH',
      'add: inputs live on different backends',
    ],
  ])('%s has its name, code, op and message', (error, name, code, message) => {
    expect(error).toBeInstanceOf(NagareError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect((error as { op: string }).op).toBe(message.split(':')[0]);
    expect(isNagareError(error)).toBe(true);
  });

  test('errors keep their operands for programs to inspect', () => {
    expect(new ShapeError('add', 'x', { a: [1], b: [2] }).shapes).toEqual({ a: [1], b: [2] });
    expect(new DTypeError('where', 'x', { a: 'int32' }).dtypes).toEqual({ a: 'int32' });
    expect(new DisposedTensorError('exp', 'x').argument).toBe('x');
    expect(new UnsupportedOpError('exp', 'float64', 'wasm')).toMatchObject({
      dtype: 'float64',
      backend: 'wasm',
    });
  });
});

describe('isNagareError', () => {
  test('recognizes an error from a second installed copy by its Symbol.for brand', () => {
    // Another copy of the package has its own classes, so instanceof fails, but the brand is shared.
    const foreign = Object.assign(new Error('matmul: inner dimensions differ'), {
      code: 'SHAPE_MISMATCH',
      [Symbol.for('nagare.error')]: true,
    });
    expect(foreign instanceof NagareError).toBe(false);
    expect(isNagareError(foreign)).toBe(true);
  });

  test.each([
    ['a plain Error', new Error('x')],
    ['a TypeError', new TypeError('x')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'matmul: inner dimensions differ'],
    ['an object with a false brand', { [Symbol.for('nagare.error')]: false }],
    ['an object with a string brand', { 'nagare.error': true }],
  ])('rejects %s', (_, value) => {
    expect(isNagareError(value)).toBe(false);
  });
});
