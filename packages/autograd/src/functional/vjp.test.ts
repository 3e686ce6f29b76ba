import { memory, mul, ShapeError, sin, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { GraphFreedError } from '../errors/graph-freed-error';
import '../index';
import { vjp } from './vjp';

describe('vjp', () => {
  test('returns the value and a pullback giving dyᵀ·J for each input', () => {
    const [y, pullback] = vjp((a: Tensor, b: Tensor) => mul(a, b), tensor([1, 2]), tensor([3, 4]));
    expect(y.toArray()).toEqual([3, 8]);
    const [da, db] = pullback(tensor([1, 10]));
    expect(da.toArray()).toEqual([3, 40]);
    expect(db.toArray()).toEqual([1, 20]);
  });

  test('the pullback frees the graph unless retainGraph, and a second call then throws', () => {
    const [, pullback] = vjp((a: Tensor) => sin(a), tensor([0]));
    expect(pullback(tensor([2]), { retainGraph: true })[0].item()).toBe(2);
    expect(pullback(tensor([3]))[0].item()).toBe(3);
    expect(() => pullback(tensor([1]))).toThrow(GraphFreedError);
  });

  test('leaves no tensor behind but the value and the gradients', () => {
    const x = tensor([0.5, 1]);
    const before = memory().tensors;
    const [y, pullback] = vjp((a: Tensor) => sin(mul(a, a)), x);
    const dy = tensor([1, 1]);
    const [dx] = pullback(dy);
    expect(memory().tensors - before).toBe(3); // y, dy, dx
    for (const t of [y, dy, dx]) t.dispose();
  });

  test('an upstream gradient of the wrong shape is a ShapeError', () => {
    const [, pullback] = vjp((a: Tensor) => mul(a, 2), tensor([1, 2]));
    expect(() => pullback(tensor([1]))).toThrow(ShapeError);
  });
});
