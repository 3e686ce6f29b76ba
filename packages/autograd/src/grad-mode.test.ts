import { ArgumentError, memory, mul, sum, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { enableGrad, isGradEnabled, noGrad } from './grad-mode';
import './index';

describe('noGrad / enableGrad', () => {
  test('nothing is recorded under noGrad: outputs need no grad and no tensor is saved', () => {
    const x = tensor([1, 2], { requiresGrad: true });
    const before = memory().tensors;
    const y = noGrad(() => mul(x, x));
    expect(y.requiresGrad).toBe(false);
    expect(y.gradNode).toBeNull();
    expect(memory().tensors - before).toBe(1); // y itself, no saved copies of x
    const z = mul(x, x);
    expect(z.requiresGrad).toBe(true);
    expect(memory().tensors - before).toBe(4); // y, z, and z's two saved inputs
  });

  test('enableGrad records again inside noGrad, and each restores the previous mode', () => {
    const x = tensor([3], { requiresGrad: true });
    expect(isGradEnabled()).toBe(true);
    noGrad(() => {
      expect(isGradEnabled()).toBe(false);
      const y = enableGrad(() => sum(mul(x, x)));
      expect(y.requiresGrad).toBe(true);
      expect(sum(y).requiresGrad).toBe(false); // back under noGrad
      y.backward();
      expect(isGradEnabled()).toBe(false);
    });
    expect(isGradEnabled()).toBe(true);
    expect(x.grad?.toArray()).toEqual([6]);
  });

  test('the mode is restored when the function throws', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
  });

  test('an async function is refused (ops after await would escape the mode)', () => {
    expect(() => noGrad(async () => 1)).toThrow(ArgumentError);
    expect(isGradEnabled()).toBe(true);
  });
});
