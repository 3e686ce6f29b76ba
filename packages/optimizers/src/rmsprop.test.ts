import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { RMSProp } from './rmsprop';

// Hinton (lecture 6e); centered as Graves (2013): divide by √(E[g²] − E[g]²); momentum on the scaled step.
const rmspropRule =
  (
    lr: number,
    options: { alpha?: number; eps?: number; momentum?: number; centered?: boolean; l2?: number } = {},
  ): ReferenceRule =>
  (x, g, _t, state) => {
    const { alpha = 0.99, eps = 1e-8, momentum = 0, centered = false, l2 = 0 } = options;
    const s = vector(state, 's', x.length);
    const a = vector(state, 'a', x.length);
    const b = vector(state, 'b', x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      s[i] = alpha * s[i] + (1 - alpha) * gi * gi;
      a[i] = alpha * a[i] + (1 - alpha) * gi;
      const rms = Math.sqrt(centered ? s[i] - a[i] * a[i] : s[i]) + eps;
      b[i] = momentum * b[i] + gi / rms;
      x[i] -= lr * (momentum > 0 ? b[i] : gi / rms);
    }
  };

describe('RMSProp matches the published rule over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    test(`plain on ${problem.name}`, () => {
      expectMatchesReference((p) => new RMSProp(p, { lr: 0.01 }), rmspropRule(0.01), problem);
    });
    test(`centered on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new RMSProp(p, { lr: 0.01, alpha: 0.9, centered: true }),
        rmspropRule(0.01, { alpha: 0.9, centered: true }),
        problem,
      );
    });
    test(`with momentum and L2 on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new RMSProp(p, { lr: 0.005, momentum: 0.9, weightDecay: 0.01 }),
        rmspropRule(0.005, { momentum: 0.9, l2: 0.01 }),
        problem,
      );
    });
    test(`centered with momentum on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new RMSProp(p, { lr: 0.005, momentum: 0.5, centered: true, alpha: 0.95 }),
        rmspropRule(0.005, { momentum: 0.5, centered: true, alpha: 0.95 }),
        problem,
      );
    });
  }
});

test('RMSProp keeps only the buffers its options need', () => {
  const w = tensor([1, 2], { requiresGrad: true });
  w.grad = tensor([0.1, 0.2]);
  const plain = new RMSProp([w]);
  plain.step();
  expect(Object.keys(plain.stateDict().state[0].tensors)).toEqual(['squareAvg']);
  const full = new RMSProp([w], { centered: true, momentum: 0.9 });
  full.step();
  expect(Object.keys(full.stateDict().state[0].tensors).sort()).toEqual([
    'gradAvg',
    'momentumBuffer',
    'squareAvg',
  ]);
});
