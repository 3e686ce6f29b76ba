import { createJsBackend, getBackend, SyncReadError, type Tensor, tensor, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { clipGradNorm } from './clip-grad';
import { clipGradNormOnDevice, totalGradNorm } from './clip-grad-on-device';

const original = getBackend();
afterEach(() => useBackend(original));

const withGrad = (values: number[], grad: number[] | null): Tensor => {
  const p = tensor(values, { requiresGrad: true });
  p.grad = grad ? tensor(grad) : null;
  return p;
};

describe('clipping on the device', () => {
  test('clipGradNormOnDevice scales like clipGradNorm and returns the norm as a tensor, on an async-only backend', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const [a, b, c] = [withGrad([0, 0], [3, 0]), withGrad([0], [4]), withGrad([0], null)];
    const norm = clipGradNormOnDevice([a, b, c], 1);
    expect(await norm.itemAsync()).toBe(5);
    const factor = Math.fround(1 / Math.fround(5 + 1e-6));
    expect(Array.from(await (a.grad as Tensor).data())).toEqual([Math.fround(3 * factor), 0]);
    expect(Array.from(await (b.grad as Tensor).data())).toEqual([Math.fround(4 * factor)]);
    expect(c.grad).toBeNull();
    norm.dispose();
  });

  test('within maxNorm the gradients are unchanged; p = ∞ and p = 1 norms', async () => {
    const a = withGrad([0, 0], [0.3, -0.4]);
    const norm = clipGradNormOnDevice([a], 1);
    expect(Array.from((a.grad as Tensor).dataSync())).toEqual(Array.from(tensor([0.3, -0.4]).dataSync()));
    expect(norm.item()).toBeCloseTo(0.5, 6);
    expect(totalGradNorm([a], { normType: Infinity }).item()).toBeCloseTo(0.4, 6);
    expect(totalGradNorm([a], { normType: 1 }).item()).toBeCloseTo(0.7, 6);
    expect(totalGradNorm([withGrad([0], null)]).item()).toBe(0);
  });

  test('a NaN norm makes the gradients NaN, as clipGradNorm does', () => {
    const a = withGrad([0, 0], [Number.NaN, 1]);
    clipGradNormOnDevice([a], 1).dispose();
    expect(Array.from((a.grad as Tensor).dataSync()).every(Number.isNaN)).toBe(true);
  });

  test('clipGradNorm on an async-only backend throws SyncReadError naming clipGradNormOnDevice, before scaling', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const a = withGrad([0, 0], [3, 4]);
    expect(() => clipGradNorm([a], 1)).toThrow(SyncReadError);
    expect(() => clipGradNorm([a], 1)).toThrow(/clipGradNormOnDevice/);
    expect(Array.from(await (a.grad as Tensor).data())).toEqual([3, 4]);
  });
});
