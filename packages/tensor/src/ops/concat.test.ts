import { describe, expect, test } from 'vitest';
import { concat, memory, ones, tensor, tidy, zeros } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('concat', () => {
  test('sums the lengths of the joined axis and keeps the others', () => {
    expect(concat([ones([2, 3, 4]), ones([2, 5, 4]), ones([2, 0, 4])], 1).shape).toEqual([2, 8, 4]);
    expect(concat([ones([0, 3]), ones([0, 3])]).shape).toEqual([0, 3]);
  });

  test('joins a single tensor into a copy with its own buffer', () => {
    const x = tensor([1, 2]);
    const y = concat([x]);
    x.dispose();
    expect(y.toArray()).toEqual([1, 2]);
  });

  test('promotes mixed dtypes and frees the casts it made', () => {
    const a = tensor([1], { dtype: 'int32' });
    const b = tensor([2.5], { dtype: 'float64' });
    const before = memory().tensors;
    const y = concat([a, b]);
    expect(y.dtype).toBe('float64');
    expect(y.toArray()).toEqual([1, 2.5]);
    expect(memory().tensors).toBe(before + 1);
  });

  test('rejects mismatched non-axis lengths, naming both shapes', () => {
    const fn = () => concat([ones([2, 3]), ones([2, 3]), ones([3, 4])], 1);
    expect(fn).toThrow(error('ShapeError', 'concat', 'tensors[2]: [3, 4]'));
    expect(() => concat([ones([2, 3]), ones([2, 3, 1])])).toThrow(
      error('ShapeError', 'concat', 'tensors[1]: [2, 3, 1]'),
    );
  });

  test('rejects an out-of-range axis, scalars and an empty list', () => {
    expect(() => concat([ones([2]), ones([2])], 1)).toThrow(
      error('ArgumentError', 'concat', 'axis 1 is out of range'),
    );
    expect(() => concat([ones([2]), ones([2])], -2)).toThrow(error('ArgumentError', 'concat', 'axis -2'));
    expect(() => concat([zeros([]), zeros([])])).toThrow(error('ShapeError', 'concat', 'scalars'));
    expect(() => concat([])).toThrow(error('ArgumentError', 'concat', 'non-empty'));
  });

  test('names the disposed input', () => {
    const b = ones([1]);
    b.dispose();
    expect(() => concat([ones([1]), b])).toThrow(error('DisposedTensorError', 'concat', 'tensors[1]'));
  });

  test('is deterministic inside tidy and leaks nothing', () => {
    const before = memory().tensors;
    const total = tidy(() =>
      concat([ones([2]), zeros([3])])
        .sum()
        .item(),
    );
    expect(total).toBe(2);
    expect(memory().tensors).toBe(before);
  });
});
