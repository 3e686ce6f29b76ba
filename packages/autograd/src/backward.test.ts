import {
  ArgumentError,
  add,
  argmax,
  DTypeError,
  eq,
  exp,
  log,
  mul,
  ones,
  ShapeError,
  sum,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { GraphFreedError } from './errors/graph-freed-error';
import './index';

describe('Tensor.backward', () => {
  test('a scalar backward fills .grad of every leaf', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    const w = tensor([4, 5, 6], { requiresGrad: true });
    sum(mul(x, w)).backward();
    expect(x.grad?.toArray()).toEqual([4, 5, 6]);
    expect(w.grad?.toArray()).toEqual([1, 2, 3]);
  });

  test('an explicit upstream gradient weights a non-scalar output', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true });
    mul(x, x).backward(tensor([1, 0, 2]));
    expect(x.grad?.toArray()).toEqual([2, 0, 12]);
  });

  test('a tensor used twice in one graph gets the sum of both paths', () => {
    const x = tensor([3], { requiresGrad: true });
    sum(add(mul(x, x), x)).backward();
    expect(x.grad?.toArray()).toEqual([7]);
  });

  test('gradients accumulate across backward calls until zeroGrad', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(mul(x, 3)).backward();
    const first = x.grad!;
    sum(mul(x, 3)).backward();
    expect(x.grad).toBe(first); // accumulated in place: references to .grad stay valid
    expect(x.grad?.toArray()).toEqual([6, 6]);
    x.zeroGrad();
    expect(x.grad).toBeNull();
    expect(first.isDisposed).toBe(true);
  });

  test('a second backward through a freed graph throws GraphFreedError; retainGraph allows it', () => {
    const x = tensor([2], { requiresGrad: true });
    const y = sum(exp(x));
    y.backward(undefined, { retainGraph: true });
    y.backward();
    expect(x.grad?.item()).toBeCloseTo(2 * Math.exp(2), 4);
    expect(() => y.backward()).toThrow(GraphFreedError);
    try {
      y.backward();
    } catch (error) {
      expect((error as GraphFreedError).code).toBe('GRAPH_FREED');
      expect((error as GraphFreedError).node).toBe('sum');
    }
  });

  test('retainGrad keeps the gradient of a non-leaf tensor; other non-leaves get none', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const h = mul(x, 2).retainGrad();
    const k = mul(h, h);
    sum(k).backward();
    expect(h.grad?.toArray()).toEqual([4, 8]);
    expect(k.grad).toBeNull();
    expect(x.grad?.toArray()).toEqual([8, 16]);
  });

  test('detach cuts the graph: no gradient flows through the detached value', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const y = mul(x, x);
    sum(mul(y.detach(), x)).backward();
    expect(x.grad?.toArray()).toEqual([1, 4]);
  });

  test('requiresGrad_ turns an existing tensor into a leaf', () => {
    const x = tensor([1, 2]).requiresGrad_();
    sum(mul(x, 5)).backward();
    expect(x.grad?.toArray()).toEqual([5, 5]);
    expect(mul(tensor([1]).requiresGrad_(false), 2).requiresGrad).toBe(false);
  });

  test('the gradient of a float32 leaf used in a float64 op comes back as float32', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    sum(mul(x, tensor([3, 4], { dtype: 'float64' }))).backward();
    expect(x.grad?.dtype).toBe('float32');
    expect(x.grad?.toArray()).toEqual([3, 4]);
  });

  test('backward on a leaf itself sets its gradient to the upstream gradient (copied)', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const dy = tensor([3, 4]);
    x.backward(dy);
    expect(x.grad?.toArray()).toEqual([3, 4]);
    expect(x.grad).not.toBe(dy);
  });

  test('createGraph records the backward pass, so .grad can be differentiated again', () => {
    const x = tensor([2], { requiresGrad: true });
    sum(mul(mul(x, x), x)).backward(undefined, { createGraph: true });
    const firstDerivative = x.grad!;
    expect(firstDerivative.item()).toBe(12);
    expect(firstDerivative.requiresGrad).toBe(true);
    x.grad = null; // keep firstDerivative alive (zeroGrad would dispose it)
    sum(firstDerivative).backward();
    const secondDerivative = (x as Tensor).grad; // not narrowed to null: backward() set it
    expect(secondDerivative?.item()).toBe(12); // d(3x²)/dx = 6x
  });

  test('a graph 10,000 ops deep backpropagates (the traversal does not recurse)', () => {
    const x = tensor([1], { requiresGrad: true, dtype: 'float64' });
    const y = tidy(() => {
      let h = x;
      for (let i = 0; i < 10_000; i++) h = mul(h, 1.0001);
      return h;
    });
    y.backward();
    expect(x.grad?.item()).toBeCloseTo(1.0001 ** 10_000, 8);
  });

  test('backward works outside and inside tidy, and the stored .grad survives the tidy', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    tidy(() => sum(log(add(x, 1))).backward());
    expect(x.grad?.isDisposed).toBe(false);
    expect(Array.from(x.grad!.dataSync())).toEqual([0.5, 1 / 3].map(Math.fround));
  });
});

describe('Tensor.backward errors', () => {
  test('a non-scalar without an explicit gradient is a ShapeError naming the shape', () => {
    const y = mul(tensor([1, 2], { requiresGrad: true }), 2);
    expect(() => y.backward()).toThrow(ShapeError);
    expect(() => y.backward()).toThrow(/backward: .*tensor: \[2\]/);
  });

  test('a tensor that does not require grad is an ArgumentError', () => {
    expect(() => sum(tensor([1, 2])).backward()).toThrow(ArgumentError);
    expect(() => sum(tensor([1, 2])).backward()).toThrow(/does not require grad/);
  });

  test('integer and bool results are not differentiable and say so', () => {
    const x = tensor([1, 3, 2], { requiresGrad: true });
    const index = argmax(x);
    expect(index.requiresGrad).toBe(false);
    expect(() => index.backward()).toThrow(DTypeError);
    expect(() => eq(x, 3).backward(ones([3]))).toThrow(/not differentiable/);
  });

  test('an upstream gradient of the wrong shape is a ShapeError', () => {
    const y = mul(tensor([1, 2], { requiresGrad: true }), 2);
    expect(() => y.backward(ones([3]))).toThrow(ShapeError);
  });
});
