import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Adadelta } from './adadelta';

// Zeiler (2012), Algorithm 1: Δx = −RMS[Δx]ₜ₋₁ / RMS[g]ₜ · g with RMS[y] = √(E[y²] + ε); x ← x + lr·Δx.
const adadeltaRule =
  (lr: number, rho: number, eps: number, l2 = 0): ReferenceRule =>
  (x, g, _t, state) => {
    const eg = vector(state, 'eg', x.length);
    const edx = vector(state, 'edx', x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      eg[i] = rho * eg[i] + (1 - rho) * gi * gi;
      const dx = -(Math.sqrt(edx[i] + eps) / Math.sqrt(eg[i] + eps)) * gi;
      edx[i] = rho * edx[i] + (1 - rho) * dx * dx;
      x[i] += lr * dx;
    }
  };

describe('Adadelta matches Zeiler (2012) over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    test(`defaults on ${problem.name}`, () => {
      expectMatchesReference((p) => new Adadelta(p), adadeltaRule(1, 0.9, 1e-6), problem, 1e-6);
    });
    test(`ρ 0.95, ε 1e-4, lr 2 and L2 on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Adadelta(p, { lr: 2, rho: 0.95, eps: 1e-4, weightDecay: 0.01 }),
        adadeltaRule(2, 0.95, 1e-4, 0.01),
        problem,
      );
    });
  }
});

test('Adadelta rejects ρ outside [0, 1)', () => {
  expect(() => new Adadelta([tensor([1], { requiresGrad: true })], { rho: 1 })).toThrow(
    /Adadelta: rho must be in \[0, 1\)/,
  );
});
