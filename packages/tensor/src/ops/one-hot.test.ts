import { describe, expect, test } from 'vitest';
import { oneHot, sum, tensor } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('oneHot', () => {
  test('appends a depth axis and gives float32', () => {
    const y = oneHot(
      tensor(
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        { dtype: 'int32' },
      ),
      10,
    );
    expect(y.shape).toEqual([2, 3, 10]);
    expect(y.dtype).toBe('float32');
    expect(sum(y).item()).toBe(6);
    expect(oneHot(tensor([], { dtype: 'int32' }), 4).shape).toEqual([0, 4]);
    expect(oneHot(tensor(2, { dtype: 'int32' }), 3).toArray()).toEqual([0, 0, 1]);
  });

  test('rejects non-int32 indices and a bad depth', () => {
    expect(() => oneHot(tensor([1]), 3)).toThrow(error('DTypeError', 'oneHot', 'indices: float32'));
    expect(() => oneHot(tensor([1], { dtype: 'int32' }), -1)).toThrow(
      error('ArgumentError', 'oneHot', 'depth must be a non-negative integer, got -1'),
    );
    expect(() => oneHot(tensor([1], { dtype: 'int32' }), 2.5)).toThrow(
      error('ArgumentError', 'oneHot', 'got 2.5'),
    );
  });
});
