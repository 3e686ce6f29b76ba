import { describe, expect, test } from 'vitest';
import { arange, concat, ones, split, tensor } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('split', () => {
  test('cuts equal parts or listed lengths along the axis', () => {
    expect(split(ones([6, 2]), 3).map((t) => t.shape)).toEqual([
      [2, 2],
      [2, 2],
      [2, 2],
    ]);
    expect(split(ones([2, 5]), [1, 0, 4], -1).map((t) => t.shape)).toEqual([
      [2, 1],
      [2, 0],
      [2, 4],
    ]);
    expect(split(ones([0, 3]), 4).map((t) => t.shape)).toEqual([
      [0, 3],
      [0, 3],
      [0, 3],
      [0, 3],
    ]);
  });

  test('is undone by concat along the same axis', () => {
    const x = arange(24).reshape([2, 3, 4]);
    expect(concat(split(x, [1, 3], 2), 2).toArray()).toEqual(x.toArray());
  });

  test('is a method of Tensor', () => {
    expect(
      tensor([1, 2, 3, 4])
        .split(2)
        .map((t) => t.toArray()),
    ).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  test('rejects uneven equal parts and lengths that do not cover the axis', () => {
    expect(() => split(ones([5]), 2)).toThrow(
      error('ShapeError', 'split', 'length 5 does not divide into 2'),
    );
    expect(() => split(ones([5]), [2, 2])).toThrow(error('ShapeError', 'split', 'sum to 4'));
    expect(() => split(ones([5]), [6, -1])).toThrow(error('ArgumentError', 'split', 'non-negative integers'));
    expect(() => split(ones([5]), 0)).toThrow(error('ArgumentError', 'split', 'positive integer'));
    expect(() => split(ones([5]), [])).toThrow(error('ArgumentError', 'split', 'non-empty'));
  });

  test('rejects scalars and out-of-range axes', () => {
    expect(() => split(tensor(3), 1)).toThrow(error('ShapeError', 'split', 'scalar'));
    expect(() => split(ones([2, 2]), 2, 2)).toThrow(
      error('ArgumentError', 'split', 'axis 2 is out of range'),
    );
  });
});
