import { describe, expect, test } from 'vitest';
import { ones, pad, tensor } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('pad', () => {
  test('adds before + after to each axis', () => {
    expect(
      pad(ones([2, 3, 4]), [
        [1, 2],
        [0, 0],
        [3, 1],
      ]).shape,
    ).toEqual([5, 3, 8]);
    expect(
      pad(ones([0, 3]), [
        [2, 0],
        [0, 0],
      ]).shape,
    ).toEqual([2, 3]);
  });

  test('reflect and edge leave the interior unchanged and mirror around the edge element', () => {
    const x = tensor([[1, 2, 3, 4]]);
    expect(
      pad(
        x,
        [
          [0, 0],
          [3, 3],
        ],
        { mode: 'reflect' },
      ).toArray(),
    ).toEqual([[4, 3, 2, 1, 2, 3, 4, 3, 2, 1]]);
    expect(
      pad(
        x,
        [
          [1, 1],
          [1, 0],
        ],
        { mode: 'edge' },
      ).toArray(),
    ).toEqual([
      [1, 1, 2, 3, 4],
      [1, 1, 2, 3, 4],
      [1, 1, 2, 3, 4],
    ]);
  });

  test('wrap continues periodically on every axis', () => {
    const x = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(
      pad(
        x,
        [
          [1, 0],
          [0, 3],
        ],
        { mode: 'wrap' },
      ).toArray(),
    ).toEqual([
      [3, 4, 3, 4, 3],
      [1, 2, 1, 2, 1],
      [3, 4, 3, 4, 3],
    ]);
  });

  test('fills bool tensors with a truthy value as true', () => {
    expect(pad(tensor([false]), [[1, 0]], { value: 1 }).toArray()).toEqual([true, false]);
  });

  test('is a method of Tensor', () => {
    expect(
      tensor([5])
        .pad([[1, 1]], { mode: 'edge' })
        .toArray(),
    ).toEqual([5, 5, 5]);
  });

  test('rejects a pads list of the wrong length or malformed pairs', () => {
    expect(() => pad(ones([2, 2]), [[1, 1]])).toThrow(
      error('ShapeError', 'pad', 'one [before, after] pair per axis (2), got 1'),
    );
    expect(() => pad(ones([2]), [[-1, 0]])).toThrow(error('ArgumentError', 'pad', 'pads[0]'));
    expect(() => pad(ones([2]), [[1.5, 0]])).toThrow(error('ArgumentError', 'pad', 'non-negative integers'));
    expect(() => pad(ones([2]), [[1, 0]], { mode: 'circular' as 'wrap' })).toThrow(
      error('ArgumentError', 'pad', 'mode must be one of'),
    );
  });

  test('rejects reflect padding as long as the axis, and edge or wrap padding of an empty axis', () => {
    expect(pad(ones([3]), [[2, 2]], { mode: 'reflect' }).shape).toEqual([7]);
    expect(() => pad(ones([3]), [[0, 3]], { mode: 'reflect' })).toThrow(
      error('ShapeError', 'pad', 'reflect padding 3 on axis 0'),
    );
    expect(() =>
      pad(
        ones([2, 0]),
        [
          [0, 0],
          [1, 0],
        ],
        { mode: 'edge' },
      ),
    ).toThrow(error('ShapeError', 'pad', 'edge padding of axis 1'));
    expect(() => pad(ones([0]), [[0, 1]], { mode: 'wrap' })).toThrow(error('ShapeError', 'pad', 'x: [0]'));
    expect(pad(ones([0]), [[0, 0]], { mode: 'wrap' }).shape).toEqual([0]);
  });
});
