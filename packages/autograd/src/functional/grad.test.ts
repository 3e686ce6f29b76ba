import {
  ArgumentError,
  argmax,
  DTypeError,
  memory,
  mul,
  ShapeError,
  sin,
  sum,
  type Tensor,
  tensor,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import '../index';
import { grad, valueAndGrad } from './grad';

const f = (x: Tensor) => sum(mul(x, x));

describe('grad', () => {
  test('returns the gradient of a scalar function with respect to its first argument', () => {
    expect(grad(f)(tensor([1, 2, 3])).toArray()).toEqual([2, 4, 6]);
  });

  test('argnums picks the arguments; a list gives a list, and non-tensor arguments pass through', () => {
    const g = (a: Tensor, b: Tensor, scale: number) => sum(mul(mul(a, b), scale));
    const [da, db] = grad(g, { argnums: [0, 1] })(tensor([1, 2]), tensor([3, 4]), 2);
    expect(da.toArray()).toEqual([6, 8]);
    expect(db.toArray()).toEqual([2, 4]);
    expect(grad(g, { argnums: 1 })(tensor([1, 2]), tensor([3, 4]), 1).toArray()).toEqual([1, 2]);
  });

  test('an argument the function does not use gets zeros, and the same tensor twice gets two gradients', () => {
    const [da, db] = grad((a: Tensor, _b: Tensor) => sum(a), { argnums: [0, 1] })(
      tensor([1]),
      tensor([5, 6]),
    );
    expect(db.toArray()).toEqual([0, 0]);
    const x = tensor([2]);
    const [g1, g2] = grad((a: Tensor, b: Tensor) => sum(mul(a, b)), { argnums: [0, 1] })(x, x);
    expect([g1.item(), g2.item()]).toEqual([2, 2]);
    da.dispose();
    expect(g1).not.toBe(g2);
  });

  test("the caller's tensors are left alone: no flag set, no .grad accumulated", () => {
    const x = tensor([1, 2]);
    const w = tensor([3, 4], { requiresGrad: true });
    grad((a: Tensor) => sum(mul(a, w)))(x);
    expect(x.requiresGrad).toBe(false);
    expect(x.grad).toBeNull();
    expect(w.grad).toBeNull();
  });

  test('frees everything it creates but the gradient', () => {
    const x = tensor([0.5, 1.5]);
    const before = memory().tensors;
    const g = grad((a: Tensor) => sum(sin(mul(a, a))))(x);
    expect(memory().tensors - before).toBe(1);
    g.dispose();
  });

  test('errors: a non-scalar result, an integer result, an integer argument, a bad argnums', () => {
    expect(() => grad((a: Tensor) => mul(a, 2))(tensor([1, 2]))).toThrow(ShapeError);
    expect(() => grad((a: Tensor) => argmax(a))(tensor([1, 2]))).toThrow(DTypeError);
    expect(() => grad(f)(tensor([1, 2], { dtype: 'int32' }))).toThrow(/argument 0 is not differentiable/);
    expect(() => grad(f, { argnums: 3 })(tensor([1]))).toThrow(ArgumentError);
  });
});

describe('valueAndGrad', () => {
  test('returns the value and the gradient from one evaluation', () => {
    const { value, grad: g } = valueAndGrad(f)(tensor([1, 2, 3]));
    expect(value.item()).toBe(14);
    expect(value.requiresGrad).toBe(false);
    expect(g.toArray()).toEqual([2, 4, 6]);
  });

  test('works when the function returns its argument unchanged', () => {
    const { value, grad: g } = valueAndGrad((a: Tensor) => a)(tensor([7]));
    expect(value.item()).toBe(7);
    expect(g.item()).toBe(1);
  });
});
