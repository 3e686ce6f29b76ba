import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Adagrad } from './adagrad';

// Duchi, Hazan & Singer (2011), diagonal form, with PyTorch's lr decay and initial accumulator.
const adagradRule =
  (
    lr: number,
    options: { eps?: number; lrDecay?: number; l2?: number; initial?: number } = {},
  ): ReferenceRule =>
  (x, g, t, state) => {
    const { eps = 1e-10, lrDecay = 0, l2 = 0, initial = 0 } = options;
    const h = vector(state, 'h', x.length, initial);
    const stepLr = lr / (1 + (t - 1) * lrDecay);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      h[i] += gi * gi;
      x[i] -= (stepLr * gi) / (Math.sqrt(h[i]) + eps);
    }
  };

describe('Adagrad matches Duchi et al. over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    test(`defaults on ${problem.name}`, () => {
      expectMatchesReference((p) => new Adagrad(p, { lr: 0.1 }), adagradRule(0.1), problem);
    });
    test(`lr decay, L2, initial accumulator and the lecture's ε on ${problem.name}`, () => {
      const options = { lr: 0.1, lrDecay: 0.05, weightDecay: 0.01, initialAccumulatorValue: 0.5, eps: 1e-7 };
      expectMatchesReference(
        (p) => new Adagrad(p, options),
        adagradRule(0.1, { eps: 1e-7, lrDecay: 0.05, l2: 0.01, initial: 0.5 }),
        problem,
      );
    });
  }
});

test('Adagrad rejects a negative initial accumulator', () => {
  expect(() => new Adagrad([tensor([1], { requiresGrad: true })], { initialAccumulatorValue: -1 })).toThrow(
    /Adagrad: initialAccumulatorValue/,
  );
});
