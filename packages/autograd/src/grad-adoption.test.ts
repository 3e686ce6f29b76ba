import { add, assign, keep, memory, mul, sum, tensor, tidy } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { customGrad } from './functional/custom-grad';
import './index';

// backward() stores a gradient it made itself as `.grad` without copying it; these are the cases
// where it must still copy, because something else holds the gradient's handle or buffer.
describe('.grad never shares a buffer with another tensor', () => {
  test('one gradient handle reaching two leaves gives each its own .grad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const w = tensor([3, 4], { requiresGrad: true });
    add(x, w).backward(tensor([1, 1]));
    assign(x.grad!, tensor([9, 9]));
    expect(w.grad?.toArray()).toEqual([1, 1]);
  });

  test('the upstream gradient passed through unchanged is copied, not adopted', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const upstream = tensor([5, 6]);
    add(x, 0).backward(upstream);
    upstream.dispose();
    expect(x.grad?.toArray()).toEqual([5, 6]);
  });

  test("a customGrad backward's own tensor is copied into .grad", () => {
    const constant = keep(tensor([7, 8]));
    const f = customGrad(
      (x) => mul(x, 2),
      () => constant,
    );
    const x = tensor([1, 2], { requiresGrad: true });
    sum(f(x)).backward();
    x.zeroGrad();
    expect(constant.isDisposed).toBe(false);
    expect(constant.toArray()).toEqual([7, 8]);
  });

  test('a hook that replaces a leaf gradient with its own tensor keeps that tensor', () => {
    const replacement = keep(tensor([3, 3]));
    const x = tensor([1, 2], { requiresGrad: true });
    x.registerHook(() => replacement);
    sum(mul(x, 2)).backward();
    x.zeroGrad();
    expect(replacement.isDisposed).toBe(false);
  });

  test('adopted gradients leave nothing behind across steps', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const b = tensor([1], { requiresGrad: true });
    const step = () =>
      tidy(() => {
        sum(add(mul(x, x), b)).backward();
        x.zeroGrad();
        b.zeroGrad();
      });
    step();
    const before = memory().tensors;
    for (let i = 0; i < 5; i++) step();
    expect(memory().tensors).toBe(before);
  });
});
