import { describe, expect, test } from 'vitest';
import { arange, gather, mul, ones, scatterAdd, sum, tensor, zeros } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });
const i32 = (values: number[] | number[][]) => tensor(values, { dtype: 'int32' });

describe('scatterAdd', () => {
  test('keeps x shape and dtype and leaves x untouched', () => {
    const x = ones([2, 3], { dtype: 'float64' });
    const y = scatterAdd(x, i32([[0, 2]]), ones([2, 1, 2], { dtype: 'float64' }), 1);
    expect(y.shape).toEqual([2, 3]);
    expect(y.dtype).toBe('float64');
    expect(x.toArray()).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
  });

  test('is the adjoint of gather: <gather(x, i), u> = <x, scatterAdd(0, i, u)>', () => {
    const x = arange(12, undefined, 1, { dtype: 'float64' }).reshape([3, 4]);
    const indices = i32([
      [3, 0],
      [-1, 3],
      [1, 1],
    ]);
    const u = arange(18, undefined, 1, { dtype: 'float64' }).reshape([3, 3, 2]).sub(4);
    const lhs = sum(mul(gather(x, indices, 1), u)).item();
    const rhs = sum(mul(x, scatterAdd(zeros([3, 4], { dtype: 'float64' }), indices, u, 1))).item();
    expect(rhs).toBe(lhs);
  });

  test("rejects updates whose shape is not gather's output shape", () => {
    const fn = () => scatterAdd(zeros([3, 2]), i32([0, 1]), ones([2, 3]));
    expect(fn).toThrow(
      error(
        'ShapeError',
        'scatterAdd',
        "gather's output shape [2, 2] (x: [3, 2], indices: [2], updates: [2, 3])",
      ),
    );
  });

  test('rejects non-int32 indices, a dtype mismatch and bool data', () => {
    expect(() => scatterAdd(zeros([3]), tensor([0]), ones([1]))).toThrow(
      error('DTypeError', 'scatterAdd', 'indices: float32'),
    );
    const updates = ones([1], { dtype: 'float64' });
    expect(() => scatterAdd(zeros([3]), i32([0]), updates)).toThrow(
      error('DTypeError', 'scatterAdd', 'updates: float64'),
    );
    expect(() => scatterAdd(tensor([true]), i32([0]), tensor([true]))).toThrow(
      error('DTypeError', 'scatterAdd', 'x: bool'),
    );
  });

  test('rejects out-of-range indices and axes', () => {
    expect(() => scatterAdd(zeros([3]), i32([3]), ones([1]))).toThrow(
      error('ArgumentError', 'scatterAdd', 'indices[0] = 3'),
    );
    expect(() => scatterAdd(zeros([3]), i32([0]), ones([1]), 1)).toThrow(
      error('ArgumentError', 'scatterAdd', 'axis 1'),
    );
    expect(() => scatterAdd(tensor(0), i32([0]), ones([1]))).toThrow(
      error('ShapeError', 'scatterAdd', 'at least one axis'),
    );
  });
});
