import { ArgumentError, memory, type Tensor, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { clipGradNorm, clipGradValue } from './clip-grad';
import { gradNorms } from './grad-norms';

const withGrad = (values: number[], grad: number[] | null): Tensor => {
  const p = tensor(values, { dtype: 'float64', requiresGrad: true });
  p.grad = grad ? tensor(grad, { dtype: 'float64' }) : null;
  return p;
};
const gradOf = (p: Tensor) => Array.from((p.grad as Tensor).dataSync());

describe('clipGradNorm', () => {
  test('returns the global norm before clipping and scales every gradient to maxNorm', () => {
    const [a, b, c] = [withGrad([0, 0], [3, 0]), withGrad([0], [4]), withGrad([0], null)];
    expect(clipGradNorm([a, b, c], 1)).toBe(5);
    const factor = 1 / (5 + 1e-6);
    expect(gradOf(a)).toEqual([3 * factor, 0]);
    expect(gradOf(b)).toEqual([4 * factor]);
    expect(c.grad).toBeNull();
  });

  test('leaves gradients alone when the norm is within maxNorm', () => {
    const a = withGrad([0, 0], [0.3, 0.4]);
    expect(clipGradNorm([a], 1)).toBeCloseTo(0.5, 15);
    expect(gradOf(a)).toEqual([0.3, 0.4]);
  });

  test('p = 1 and p = ∞ norms', () => {
    const make = () => [withGrad([0, 0], [3, -4]), withGrad([0], [-6])];
    expect(clipGradNorm(make(), 100, { normType: 1 })).toBe(13);
    const params = make();
    expect(clipGradNorm(params, 3, { normType: Infinity })).toBe(6);
    expect(gradOf(params[1])[0]).toBeCloseTo(-3, 5);
  });

  test('a non-finite norm throws only when asked to', () => {
    const a = withGrad([0], [Number.POSITIVE_INFINITY]);
    expect(() => clipGradNorm([a], 1, { errorIfNonFinite: true })).toThrow(
      /clipGradNorm: the total gradient norm is Infinity/,
    );
    expect(clipGradNorm([a], 1)).toBe(Number.POSITIVE_INFINITY);
  });

  test('allocates nothing that outlives the call, and rejects a negative maxNorm', () => {
    const params = [withGrad([0, 0], [30, 40])];
    const before = memory().tensors;
    clipGradNorm(params, 1);
    expect(memory().tensors).toBe(before);
    expect(() => clipGradNorm(params, -1)).toThrow(ArgumentError);
  });
});

test('clipGradValue clamps every element in place', () => {
  const a = withGrad([0, 0, 0], [-2, 0.1, 5]);
  clipGradValue([a], 1);
  expect(gradOf(a)).toEqual([-1, 0.1, 1]);
  expect(() => clipGradValue([a], Number.NaN)).toThrow(/clipGradValue: clipValue/);
});

describe('gradNorms', () => {
  test('one norm per parameter, 0 without a gradient', () => {
    expect(gradNorms([withGrad([0, 0], [3, 4]), withGrad([0], null)])).toEqual([5, 0]);
    expect(gradNorms([withGrad([0, 0], [3, -4])], { normType: Infinity })).toEqual([4]);
  });

  test('named parameters give a record, from an object or [name, tensor] pairs', () => {
    const w = withGrad([0, 0], [6, 8]);
    expect(gradNorms({ 'fc.weight': w })).toEqual({ 'fc.weight': 10 });
    expect(gradNorms(new Map([['fc.weight', w]]))).toEqual({ 'fc.weight': 10 });
    expect(() => gradNorms([w], { normType: 0 })).toThrow(/gradNorms: normType/);
  });
});
