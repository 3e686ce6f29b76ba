import { ArgumentError, add, clip, exp, log, mul, round, sum, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import '../index';
import { expectGradcheck } from '../testing';
import { customGrad } from './custom-grad';
import { grad } from './grad';

describe('customGrad', () => {
  test('uses the given backward instead of differentiating forward (straight-through estimator)', () => {
    const roundSte = customGrad(
      (x: Tensor) => round(x),
      (dy) => dy,
    );
    const x = tensor([0.4, 1.6], { requiresGrad: true });
    const y = roundSte(x);
    expect(y.toArray()).toEqual([0, 2]);
    sum(y).backward();
    expect(x.grad?.toArray()).toEqual([1, 1]);
  });

  test('a numerically stable custom gradient passes gradcheck where the naive one overflows', () => {
    // log(1 + eˣ) with its derivative written as σ(x) = 1 − 1/(1 + eˣ) on the saved output.
    const softplus = customGrad(
      (x: Tensor) => log(add(exp(x), 1)),
      (dy, { output }) => mul(dy, add(mul(exp(mul(output, -1)), -1), 1)),
    );
    expectGradcheck(softplus, [tensor([-3, -0.5, 0.5, 2], { dtype: 'float64' })]);
  });

  test('several inputs: one gradient per input, broadcast gradients are summed back', () => {
    const scaledAdd = customGrad(
      (a: Tensor, b: Tensor) => add(a, mul(b, 2)),
      (dy) => [dy, mul(dy, 2)],
    );
    const [da, db] = grad((a: Tensor, b: Tensor) => sum(scaledAdd(a, b)), { argnums: [0, 1] })(
      tensor([1, 2, 3]),
      tensor([1]),
    );
    expect(da.toArray()).toEqual([1, 1, 1]);
    expect(db.toArray()).toEqual([6]);
  });

  test('a backward written with tensor ops can be differentiated again', () => {
    const cube = customGrad(
      (x: Tensor) => mul(mul(x, x), x),
      (dy, { inputs: [x] }) => mul(dy, mul(mul(x, x), 3)),
    );
    const second = grad((x: Tensor) => sum(grad((y: Tensor) => sum(cube(y)))(x)))(tensor([2]));
    expect(second.item()).toBe(12);
  });

  test('gradient clipping through a custom backward', () => {
    const clipGradient = customGrad(
      (x: Tensor) => mul(x, 1),
      (dy) => clip(dy, -1, 1),
    );
    expect(grad((x: Tensor) => sum(mul(clipGradient(x), 5)))(tensor([3])).item()).toBe(1);
  });

  test('a backward returning the wrong number of gradients is an ArgumentError', () => {
    const bad = customGrad(
      (a: Tensor, b: Tensor) => add(a, b),
      (dy) => [dy],
    );
    expect(() => grad((a: Tensor) => sum(bad(a, a)))(tensor([1]))).toThrow(ArgumentError);
  });
});
