import { describe, expect, test } from 'vitest';
import { memory, ones, stack, tensor, zeros } from '../index';

const error = (name: string, op: string, detail: string) =>
  expect.objectContaining({ name, op, message: expect.stringContaining(detail) });

describe('stack', () => {
  test('inserts the new axis at any position, negative counting from the end', () => {
    const parts = [ones([2, 3]), zeros([2, 3]), ones([2, 3]), ones([2, 3])];
    expect(stack(parts).shape).toEqual([4, 2, 3]);
    expect(stack(parts, 1).shape).toEqual([2, 4, 3]);
    expect(stack(parts, 2).shape).toEqual([2, 3, 4]);
    expect(stack(parts, -1).shape).toEqual([2, 3, 4]);
    expect(stack([ones([0, 2]), ones([0, 2])], 1).shape).toEqual([0, 2, 2]);
  });

  test('places each input at its index along the new axis', () => {
    const y = stack([tensor([[1, 2]]), tensor([[3, 4]])], 1);
    expect(y.toArray()).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
  });

  test('keeps only its result alive', () => {
    const a = ones([2]);
    const b = ones([2]);
    const before = memory().tensors;
    stack([a, b]);
    expect(memory().tensors).toBe(before + 1);
  });

  test('rejects tensors of different shapes and out-of-range axes', () => {
    expect(() => stack([ones([2, 3]), ones([3, 2])])).toThrow(
      error('ShapeError', 'stack', 'tensors[1]: [3, 2]'),
    );
    expect(() => stack([ones([2]), ones([2])], 2)).toThrow(
      error('ArgumentError', 'stack', 'axis 2 is out of range'),
    );
    expect(() => stack([])).toThrow(error('ArgumentError', 'stack', 'non-empty'));
  });
});
