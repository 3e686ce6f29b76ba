import { describe, expect, test } from 'vitest';
import { getBackend } from './engine/active-backend';
import { ArgumentError } from './errors/argument-error';
import { setGradientEngine } from './grad-hooks';
import { ones, tensor, zeros } from './ops/creation';
import { expectNagareError } from './test-helpers';

describe('reading values', () => {
  const x = tensor([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  test('shape, size, rank, dtype and backend', () => {
    // The default backend: js, or wasm when CI reruns this suite there (test:wasm).
    expect(x).toMatchObject({
      shape: [2, 3],
      size: 6,
      rank: 2,
      dtype: 'float32',
      backend: getBackend().name,
    });
  });

  test('dataSync gives a flat copy in the dtype’s typed array', () => {
    const values = x.dataSync();
    expect(values).toBeInstanceOf(Float32Array);
    expect(Array.from(values)).toEqual([1, 2, 3, 4, 5, 6]);
    values[0] = 100;
    expect(x.dataSync()[0]).toBe(1);
    expect(tensor([1], { dtype: 'int32' }).dataSync()).toBeInstanceOf(Int32Array);
    expect(tensor([1], { dtype: 'float64' }).dataSync()).toBeInstanceOf(Float64Array);
    expect(tensor([true]).dataSync()).toBeInstanceOf(Uint8Array);
  });

  test('data() resolves to the same values', async () => {
    expect(Array.from(await x.data())).toEqual([1, 2, 3, 4, 5, 6]);
  });

  test('toArray nests by shape; bool gives booleans; empty axes give empty arrays', () => {
    expect(x.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(tensor(2.5).toArray()).toBe(2.5);
    expect(tensor([[true], [false]]).toArray()).toEqual([[true], [false]]);
    expect(zeros([2, 0]).toArray()).toEqual([[], []]);
    expect(zeros([0, 2]).toArray()).toEqual([]);
    expect(ones([1, 1, 2]).toArray()).toEqual([[[1, 1]]]);
  });

  test('item reads a one-element tensor of any shape', () => {
    expect(tensor(3).item()).toBe(3);
    expect(tensor([[4]], { dtype: 'int32' }).item()).toBe(4);
    expect(tensor(true).item()).toBe(1);
    expectNagareError(() => x.item(), ArgumentError, {
      op: 'item',
      code: 'INVALID_ARGUMENT',
      message: 'item: tensor has 6 elements, not 1',
    });
  });
});

describe('autograd hooks without @nagare/autograd', () => {
  test('backward asks for @nagare/autograd', () => {
    setGradientEngine(null);
    expectNagareError(() => tensor(1).backward(), ArgumentError, {
      op: 'backward',
      code: 'INVALID_ARGUMENT',
      message: 'backward: gradients need @nagare/autograd: import it once before calling backward()',
    });
  });

  test('backward hands the tensor, gradient and options to the installed engine', () => {
    const calls: unknown[][] = [];
    setGradientEngine({ backward: (...args) => void calls.push(args) });
    const x = tensor(1);
    x.backward(undefined, { retainGraph: true });
    expect(calls).toEqual([[x, undefined, { retainGraph: true }]]);
    setGradientEngine(null);
  });

  test('requiresGrad_, retainGrad, hooks and zeroGrad', () => {
    const x = tensor([1]).requiresGrad_();
    expect(x.requiresGrad).toBe(true);
    expect(x.retainGrad().isRetainingGrad).toBe(true);
    const remove = x.registerHook(() => undefined);
    expect(x.gradHooks).toHaveLength(1);
    remove();
    expect(x.gradHooks).toHaveLength(0);
    const grad = tensor([2]);
    x.grad = grad;
    x.zeroGrad();
    expect(x.grad).toBeNull();
    expect(grad.isDisposed).toBe(true);
  });
});
