import { cast, DTypeError, mul, sum, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { grad } from '../functional/grad';
import { expectGradcheck } from '../testing';
import { randomValues } from './rule-check';

test('cast: float64 → float32 → float64 is the identity for gradients (linear, so a wide step is exact)', () => {
  expectGradcheck((x) => mul(cast(cast(x, 'float32'), 'float64'), 3), [randomValues([2, 3], 60)], {
    eps: 1e-2,
  });
});

test('cast: the gradient comes back in the input dtype', () => {
  const g = grad((x) => sum(cast(x, 'float32')))(tensor([1, 2], { dtype: 'float64' }));
  expect(g.dtype).toBe('float64');
  expect(g.toArray()).toEqual([1, 1]);
});

test('cast to int32 is not differentiable and says so', () => {
  expect(() => grad((x) => sum(cast(x, 'int32')))(tensor([1.5, 2]))).toThrow(DTypeError);
});
