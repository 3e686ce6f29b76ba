import { mul, ShapeError, sum, type Tensor, tensor, zeros } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import './index';

describe('registerHook', () => {
  test('a hook on a leaf sees the total gradient of this backward pass', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const seen: number[][] = [];
    x.registerHook((g) => {
      seen.push(Array.from(g.dataSync()));
    });
    sum(mul(x, 3)).backward();
    expect(seen).toEqual([[3, 3]]);
  });

  test('a hook on an intermediate tensor reads the gradient flowing through it (per-layer norms)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = mul(x, x);
    let norm = 0;
    h.registerHook((g) => {
      norm = Math.hypot(...g.dataSync());
    });
    sum(mul(h, tensor([3, 4]))).backward();
    expect(norm).toBe(5);
  });

  test('a hook that returns a tensor replaces the gradient for everything upstream', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = mul(x, 2);
    h.registerHook((g: Tensor) => mul(g, 10));
    sum(h).backward();
    expect(x.grad?.toArray()).toEqual([20, 20]);
  });

  test('removing a hook stops it', () => {
    const x = tensor([1], { requiresGrad: true });
    let calls = 0;
    const remove = x.registerHook(() => {
      calls++;
    });
    sum(x).backward();
    remove();
    sum(x).backward();
    expect(calls).toBe(1);
  });

  test('a hook returning a different shape is a ShapeError', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook(() => zeros([3]));
    expect(() => sum(mul(x, 2)).backward()).toThrow(ShapeError);
  });
});
