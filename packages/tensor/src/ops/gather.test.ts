import { describe, expect, test } from 'vitest';
import { arange, gather, getOpDef, ones, runOp, tensor } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });
const i32 = (values: number[] | number[][]) => tensor(values, { dtype: 'int32' });

describe('gather', () => {
  test('output shape is x.shape[:axis] + indices.shape + x.shape[axis+1:]', () => {
    const x = ones([2, 3, 4]);
    expect(
      gather(
        x,
        i32([
          [0, 1, 2],
          [2, 1, 0],
        ]),
        1,
      ).shape,
    ).toEqual([2, 2, 3, 4]);
    expect(gather(x, tensor(1, { dtype: 'int32' }), -1).shape).toEqual([2, 3]);
    expect(gather(x, tensor([], { dtype: 'int32' }), 0).shape).toEqual([0, 3, 4]);
  });

  test('matches a naive take along every axis', () => {
    const x = arange(24).reshape([2, 3, 4]);
    const values = x.toArray() as number[][][];
    expect(gather(x, i32([1, -2, 0]), 2).toArray()).toEqual(
      values.map((plane) => plane.map((row) => [row[1], row[2], row[0]])),
    );
    expect(gather(x, i32([2, 2]), 1).toArray()).toEqual(values.map((plane) => [plane[2], plane[2]]));
  });

  test('is a method of Tensor', () => {
    expect(
      tensor([7, 8, 9])
        .gather(i32([2]))
        .toArray(),
    ).toEqual([9]);
  });

  test('rejects non-int32 indices, naming their dtype', () => {
    expect(() => gather(ones([3]), tensor([0, 1]))).toThrow(
      error('DTypeError', 'gather', 'indices: float32'),
    );
    expect(() => gather(ones([3]), tensor([true]))).toThrow(error('DTypeError', 'gather', 'indices: bool'));
  });

  test('rejects indices outside [-n, n), naming the index and the axis', () => {
    expect(() => gather(ones([3, 2]), i32([0, 3]))).toThrow(
      error('ArgumentError', 'gather', 'indices[1] = 3 is out of range for axis 0 of length 3'),
    );
    expect(() => gather(ones([3, 2]), i32([-3]), 1)).toThrow(
      error('ArgumentError', 'gather', 'axis 1 of length 2'),
    );
    expect(() => gather(ones([0]), i32([0]))).toThrow(error('ArgumentError', 'gather', 'length 0'));
  });

  test('rejects scalars and out-of-range axes', () => {
    expect(() => gather(tensor(1), i32([0]))).toThrow(error('ShapeError', 'gather', 'at least one axis'));
    expect(() => gather(ones([2]), i32([0]), 1)).toThrow(
      error('ArgumentError', 'gather', 'axis 1 is out of range'),
    );
  });

  test('the kernel writes zeros for an out-of-range index reaching it through runOp', () => {
    const [y] = runOp(
      getOpDef('gather')!,
      [
        tensor([
          [1, 2],
          [3, 4],
        ]),
        i32([1, 5, -9]),
      ],
      { axis: 0 },
    );
    expect(y.toArray()).toEqual([
      [3, 4],
      [0, 0],
      [0, 0],
    ]);
  });
});
