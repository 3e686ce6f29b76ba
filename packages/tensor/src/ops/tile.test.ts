import { describe, expect, test } from 'vitest';
import { arange, memory, ones, tensor, tile } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('tile', () => {
  test('multiplies each axis by its repeat count, aligning reps to the trailing axes', () => {
    expect(tile(ones([2, 3]), [2, 3]).shape).toEqual([4, 9]);
    expect(tile(ones([2, 3]), [4]).shape).toEqual([2, 12]);
    expect(tile(ones([3]), [2, 1, 2]).shape).toEqual([2, 1, 6]);
    expect(tile(ones([2, 0]), [2, 5]).shape).toEqual([4, 0]);
    expect(tile(tensor(7), []).toArray()).toBe(7);
  });

  test('matches a naive NumPy tile of a 2-D tensor', () => {
    const x = arange(6).reshape([2, 3]);
    const rows = x.toArray() as number[][];
    const expected = [0, 1, 2, 3, 4, 5].map((i) => [...rows[i % 2], ...rows[i % 2]]);
    expect(tile(x, [3, 2]).toArray()).toEqual(expected);
    expect(tile(x, [3, 2]).dtype).toBe('int32');
  });

  test('is a method of Tensor and keeps only its result alive', () => {
    const x = tensor([1, 2]);
    const before = memory().tensors;
    expect(x.tile([2]).toArray()).toEqual([1, 2, 1, 2]);
    expect(memory().tensors).toBe(before + 1);
  });

  test('rejects negative or fractional reps', () => {
    expect(() => tile(ones([2]), [-1])).toThrow(
      error('ArgumentError', 'tile', 'non-negative integers, got [-1]'),
    );
    expect(() => tile(ones([2]), [1.5])).toThrow(error('ArgumentError', 'tile', '[1.5]'));
  });
});
