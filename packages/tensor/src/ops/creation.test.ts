import { describe, expect, test } from 'vitest';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { expectNagareError } from '../test-helpers';
import type { DType, NestedArray } from '../types';
import {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  scalar,
  tensor,
  zeros,
  zerosLike,
} from './creation';

describe('tensor()', () => {
  test('nested arrays give their shape, float32 by default, row-major', () => {
    const t = tensor([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(t).toMatchObject({ shape: [2, 3], dtype: 'float32', size: 6, rank: 2 });
    expect(Array.from(t.dataSync())).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  test('a number is a scalar; empty arrays give zero-length axes', () => {
    expect(tensor(3)).toMatchObject({ shape: [], size: 1 });
    expect(tensor([]).shape).toEqual([0]);
    expect(tensor([[], []]).shape).toEqual([2, 0]);
    expect(tensor([[[1]], [[2]]]).shape).toEqual([2, 1, 1]);
  });

  test('booleans give bool; non-zero numbers become true in a bool tensor', () => {
    const b = tensor([true, false]);
    expect(b.dtype).toBe('bool');
    expect(b.toArray()).toEqual([true, false]);
    expect(Array.from(tensor([0, 2, 0.5, -1, Number.NaN], { dtype: 'bool' }).dataSync())).toEqual([
      0, 1, 1, 1, 1,
    ]);
  });

  test('an explicit dtype converts: int32 truncates toward zero', () => {
    const t = tensor([1.9, -1.9], { dtype: 'int32' });
    expect(t.dtype).toBe('int32');
    expect(t.toArray()).toEqual([1, -1]);
    expect(tensor([0.1], { dtype: 'float64' }).item()).toBe(0.1);
    expect(tensor([0.1]).item()).toBe(Math.fround(0.1));
  });

  test('int32 refuses values it cannot hold instead of wrapping them', () => {
    expectNagareError(() => tensor([3e9], { dtype: 'int32' }), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      message: 'tensor: 3000000000 at index 0 is outside the int32 range [-2147483648, 2147483647]',
    });
    expectNagareError(() => tensor([1, -2147483649], { dtype: 'int32' }), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      messageParts: ['at index 1'],
    });
    expectNagareError(
      () => tensor(new Float64Array([Number.POSITIVE_INFINITY]), { dtype: 'int32' }),
      ArgumentError,
      {
        op: 'tensor',
        code: 'INVALID_ARGUMENT',
        messageParts: ['Infinity at index 0'],
      },
    );
    expectNagareError(() => full([2], 2 ** 31, { dtype: 'int32' }), ArgumentError, {
      op: 'full',
      code: 'INVALID_ARGUMENT',
    });
    expectNagareError(() => arange(2 ** 31 - 1, 2 ** 31 + 1, 1, { dtype: 'int32' }), ArgumentError, {
      op: 'arange',
      code: 'INVALID_ARGUMENT',
      messageParts: ['at index 1'],
    });
  });

  test('int32 keeps its extremes and truncates fractions within range', () => {
    expect(tensor([2147483647, -2147483648, 2147483647.5], { dtype: 'int32' }).toArray()).toEqual([
      2147483647, -2147483648, 2147483647,
    ]);
  });

  test('NaN is an error in int32 (never a silent 0) and true in bool', () => {
    expectNagareError(() => tensor([1, Number.NaN], { dtype: 'int32' }), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      message: 'tensor: NaN at index 1 has no int32 value',
    });
    expectNagareError(() => full([1], Number.NaN, { dtype: 'int32' }), ArgumentError, {
      op: 'full',
      code: 'INVALID_ARGUMENT',
    });
    expect(tensor([Number.NaN], { dtype: 'bool' }).toArray()).toEqual([true]);
  });

  test.each<[string, ArrayLike<number>, DType]>([
    ['Float32Array', new Float32Array([1.5, 2]), 'float32'],
    ['Float64Array', new Float64Array([1.5, 2]), 'float64'],
    ['Int32Array', new Int32Array([1, 2]), 'int32'],
    ['Uint8Array', new Uint8Array([1, 0]), 'bool'],
    ['Int16Array', new Int16Array([-1, 2]), 'int32'],
    ['Uint16Array', new Uint16Array([1, 2]), 'int32'],
    ['Int8Array', new Int8Array([-1, 2]), 'int32'],
    ['Uint32Array', new Uint32Array([4294967295, 2]), 'float64'],
  ])('a %s keeps its values with dtype %s', (_, data, dtype) => {
    const t = tensor(data as Float32Array);
    expect(t).toMatchObject({ shape: [2], dtype });
    expect(Array.from(t.dataSync())).toEqual(Array.from(data));
  });

  test('a typed array takes a shape, and is copied (later writes do not leak in)', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const t = tensor(data, { shape: [3, 2] });
    data[0] = 100;
    expect(t.toArray()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
  });

  test('a Uint8Array as bool stores 0 or 1', () => {
    expect(Array.from(tensor(new Uint8Array([0, 5, 255])).dataSync())).toEqual([0, 1, 1]);
  });

  test('requiresGrad marks the tensor', () => {
    expect(tensor([1], { requiresGrad: true }).requiresGrad).toBe(true);
    expect(tensor([1]).requiresGrad).toBe(false);
  });

  test.each<[string, NestedArray, string]>([
    [
      'a short row',
      [[1, 2], [3]],
      'tensor: ragged nested array: element [1] has length 1, expected length 2',
    ],
    [
      'a scalar among rows',
      [[1, 2], 3],
      'tensor: ragged nested array: element [1] has a scalar, expected length 2',
    ],
    ['an array among scalars', [1, [2]], 'tensor: ragged nested array: element [1] is an array'],
    [
      'a deep mismatch',
      [[[1, 2]], [[3]]],
      'tensor: ragged nested array: element [1, 0] has length 1, expected length 2',
    ],
  ])('%s is an ArgumentError naming the element', (_, data, message) => {
    expectNagareError(() => tensor(data), ArgumentError, { op: 'tensor', code: 'INVALID_ARGUMENT', message });
  });

  test('other bad input', () => {
    expectNagareError(() => tensor(['a'] as unknown as number[]), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      message: 'tensor: expected numbers or booleans, got string',
    });
    expectNagareError(() => tensor([1, 2, 3], { shape: [2, 2] }), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      message: 'tensor: shape [2, 2] needs 4 values, got 3',
    });
    expectNagareError(() => tensor([1], { dtype: 'float16' as DType }), DTypeError, {
      op: 'tensor',
      code: 'DTYPE_MISMATCH',
      message: 'tensor: unknown dtype "float16"',
    });
    expectNagareError(() => tensor(new BigInt64Array(1) as unknown as Float32Array), ArgumentError, {
      op: 'tensor',
      code: 'INVALID_ARGUMENT',
      message: 'tensor: unsupported typed array BigInt64Array',
    });
  });
});

describe('full, zeros, ones and the *Like variants', () => {
  test('full fills with the value; a boolean value gives bool', () => {
    expect(full([2, 2], 7).toArray()).toEqual([
      [7, 7],
      [7, 7],
    ]);
    expect(full([2], true).toArray()).toEqual([true, true]);
    expect(full([2], 2.7, { dtype: 'int32' }).toArray()).toEqual([2, 2]);
    expect(full([2], 0.5, { dtype: 'bool' }).toArray()).toEqual([true, true]);
    expect(full([], Number.NaN).item()).toBeNaN();
  });

  test('zeros and ones take a dtype', () => {
    expect(zeros([2, 3], { dtype: 'int32' })).toMatchObject({ shape: [2, 3], dtype: 'int32' });
    expect(Array.from(ones([3], { dtype: 'float64' }).dataSync())).toEqual([1, 1, 1]);
    expect(zeros([0]).size).toBe(0);
  });

  test('the *Like variants copy shape and dtype, and options override the dtype', () => {
    const x = tensor([[1, 2]], { dtype: 'int32' });
    expect(zerosLike(x)).toMatchObject({ shape: [1, 2], dtype: 'int32' });
    expect(onesLike(x, { dtype: 'float64' })).toMatchObject({ shape: [1, 2], dtype: 'float64' });
    expect(fullLike(x, 9).toArray()).toEqual([[9, 9]]);
    expect(scalar(4).shape).toEqual([]);
  });

  test('an invalid shape or value is an ArgumentError', () => {
    expectNagareError(() => zeros([2, 1.5]), ArgumentError, {
      op: 'zeros',
      code: 'INVALID_ARGUMENT',
      message: 'zeros: invalid shape [2, 1.5]',
    });
    expectNagareError(() => full([1], '1' as unknown as number), ArgumentError, {
      op: 'full',
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('arange, linspace and eye', () => {
  test('arange with one, two and three arguments', () => {
    expect(arange(5).toArray()).toEqual([0, 1, 2, 3, 4]);
    expect(arange(5).dtype).toBe('int32');
    expect(arange(2, 5).toArray()).toEqual([2, 3, 4]);
    expect(arange(1, 2, 0.25).toArray()).toEqual([1, 1.25, 1.5, 1.75]);
    expect(arange(1, 2, 0.25).dtype).toBe('float32');
    expect(arange(5, 0, -2).toArray()).toEqual([5, 3, 1]);
    expect(arange(3, 3).shape).toEqual([0]);
    expect(arange(5, 0).shape).toEqual([0]);
    expect(arange(3, undefined, 1, { dtype: 'float64' }).dtype).toBe('float64');
  });

  test('arange rejects a zero or non-finite step', () => {
    expectNagareError(() => arange(0, 1, 0), ArgumentError, {
      op: 'arange',
      code: 'INVALID_ARGUMENT',
      message: 'arange: step must not be 0',
    });
    expectNagareError(() => arange(Number.NaN), ArgumentError, {
      op: 'arange',
      code: 'INVALID_ARGUMENT',
      message: 'arange: stop must be finite, got NaN',
    });
  });

  test('linspace includes both ends', () => {
    expect(linspace(0, 1, 5).toArray()).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(2, 2, 3).toArray()).toEqual([2, 2, 2]);
    expect(linspace(3, 7, 1).toArray()).toEqual([3]);
    expect(linspace(0, 1, 0).shape).toEqual([0]);
    const third = linspace(0, 1, 4, { dtype: 'float64' });
    expect(third.toArray()).toEqual([0, 1 / 3, 2 / 3, 1]);
    expectNagareError(() => linspace(0, 1, 2.5), ArgumentError, { op: 'linspace', code: 'INVALID_ARGUMENT' });
    expectNagareError(() => linspace(0, Number.POSITIVE_INFINITY, 3), ArgumentError, {
      op: 'linspace',
      code: 'INVALID_ARGUMENT',
    });
  });

  test('eye: square and rectangular', () => {
    expect(eye(2).toArray()).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(eye(2, 3, { dtype: 'int32' }).toArray()).toEqual([
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(eye(0).shape).toEqual([0, 0]);
    expectNagareError(() => eye(-1), ArgumentError, { op: 'eye', code: 'INVALID_ARGUMENT' });
  });
});
