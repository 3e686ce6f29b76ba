import { ArgumentError, DisposedTensorError, ones, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { Adam } from './adam';
import { SGD } from './sgd';

const trainable = (values: number[]) => tensor(values, { requiresGrad: true });

/** Runs `fn` and returns what it threw (fails when it returns). */
function thrown(fn: () => unknown): Error & { op?: string } {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('optimizers refuse parameters they could never update', () => {
  test('a disposed parameter is a DisposedTensorError naming its index', () => {
    const dead = trainable([1]);
    dead.dispose();
    const error = thrown(() => new Adam([trainable([1]), dead]));
    expect(error).toBeInstanceOf(DisposedTensorError);
    expect(error.op).toBe('Adam');
    expect(error.message).toBe('Adam: parameter 1 was used after it was disposed');
  });

  test('a parameter with requiresGrad false is an ArgumentError naming its index (and group)', () => {
    const error = thrown(() => new SGD([trainable([1]), ones([2])], { lr: 0.1 }));
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error.message).toContain('SGD: parameter 1 does not require grad');
    const inGroup = thrown(
      () => new SGD([{ params: [trainable([1])] }, { params: [ones([1])] }], { lr: 0.1 }),
    );
    expect(inGroup.message).toContain('SGD: parameter 0 of group 1 does not require grad');
  });

  test('a parameter frozen after construction is skipped, not an error', () => {
    const w = trainable([1, 2]);
    const optimizer = new SGD([w], { lr: 0.1 });
    w.requiresGrad_(false);
    expect(() => optimizer.step()).not.toThrow();
    expect(w.toArray()).toEqual([1, 2]);
  });

  test('a parameter disposed after construction is reported at step(), before any update', () => {
    const [a, b] = [trainable([1]), trainable([2])];
    const optimizer = new SGD([a, b], { lr: 0.1 });
    a.grad = tensor([1]);
    b.dispose();
    const error = thrown(() => optimizer.step());
    expect(error).toBeInstanceOf(DisposedTensorError);
    expect(error.op).toBe('SGD.step');
    expect(error.message).toBe('SGD.step: parameter 1 was used after it was disposed');
    expect(a.toArray()).toEqual([1]);
    expect(optimizer.stepCount).toBe(0);
  });
});
