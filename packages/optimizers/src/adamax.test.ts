import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Adamax } from './adamax';

// Kingma & Ba (2015), Algorithm 2: u ← max(β2·u, |g|); x ← x − (lr/(1 − β1ᵗ))·m/u, with ε inside the max.
const adamaxRule =
  (lr: number, beta1: number, beta2: number, eps: number, l2 = 0): ReferenceRule =>
  (x, g, t, state) => {
    const m = vector(state, 'm', x.length);
    const u = vector(state, 'u', x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      u[i] = Math.max(beta2 * u[i], Math.abs(gi) + eps);
      x[i] -= (lr / (1 - beta1 ** t)) * (m[i] / u[i]);
    }
  };

describe('Adamax matches Kingma & Ba Algorithm 2 over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    test(`defaults on ${problem.name}`, () => {
      expectMatchesReference((p) => new Adamax(p), adamaxRule(2e-3, 0.9, 0.999, 1e-8), problem, 1e-6);
    });
    test(`lr 0.05, betas [0.8, 0.95] and L2 on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Adamax(p, { lr: 0.05, betas: [0.8, 0.95], weightDecay: 0.01 }),
        adamaxRule(0.05, 0.8, 0.95, 1e-8, 0.01),
        problem,
      );
    });
  }
});

test('Adamax rejects a negative ε', () => {
  expect(() => new Adamax([tensor([1], { requiresGrad: true })], { eps: -1 })).toThrow(/Adamax: eps/);
});
