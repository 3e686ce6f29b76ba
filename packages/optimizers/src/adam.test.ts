import { ArgumentError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Adam } from './adam';
import { AdamW } from './adamw';

interface AdamReference {
  beta1?: number;
  beta2?: number;
  eps?: number;
  l2?: number;
  decoupled?: number;
  amsgrad?: boolean;
}

// Kingma & Ba (2015), Algorithm 1, with bias-corrected m̂ and v̂. AMSGrad (Reddi et al. 2018) as
// PyTorch: the running max of v, bias-corrected. AdamW (Loshchilov & Hutter 2019, Algorithm 2):
// x ← x − lr·λ·x beside the Adam step (PyTorch's lr-scaled λ).
const adamRule =
  (lr: number, options: AdamReference = {}): ReferenceRule =>
  (x, g, t, state) => {
    const { beta1 = 0.9, beta2 = 0.999, eps = 1e-8, l2 = 0, decoupled = 0, amsgrad = false } = options;
    const m = vector(state, 'm', x.length);
    const v = vector(state, 'v', x.length);
    const vMax = vector(state, 'vMax', x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      m[i] = beta1 * m[i] + (1 - beta1) * gi;
      v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
      vMax[i] = Math.max(vMax[i], v[i]);
      const mHat = m[i] / (1 - beta1 ** t);
      const vHat = (amsgrad ? vMax[i] : v[i]) / (1 - beta2 ** t);
      x[i] -= lr * decoupled * x[i] + (lr * mHat) / (Math.sqrt(vHat) + eps);
    }
  };

const LR = { quadratic: 0.1, Rosenbrock: 0.05 } as const;

describe('Adam and AdamW match Kingma & Ba / Loshchilov & Hutter over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    const lr = LR[problem.name as keyof typeof LR];
    test(`Adam on ${problem.name}`, () => {
      expectMatchesReference((p) => new Adam(p, { lr }), adamRule(lr), problem);
    });
    test(`Adam with other betas, ε and coupled L2 on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Adam(p, { lr, betas: [0.8, 0.99], eps: 1e-6, weightDecay: 0.05 }),
        adamRule(lr, { beta1: 0.8, beta2: 0.99, eps: 1e-6, l2: 0.05 }),
        problem,
      );
    });
    test(`Adam with amsgrad on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Adam(p, { lr, amsgrad: true, betas: [0.9, 0.9] }),
        adamRule(lr, { amsgrad: true, beta2: 0.9 }),
        problem,
      );
    });
    test(`AdamW on ${problem.name}`, () => {
      expectMatchesReference((p) => new AdamW(p, { lr }), adamRule(lr, { decoupled: 0.01 }), problem);
    });
    test(`AdamW with strong decoupled decay on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new AdamW(p, { lr, decoupledWeightDecay: 0.5 }),
        adamRule(lr, { decoupled: 0.5 }),
        problem,
      );
    });
  }
});

describe('Adam options', () => {
  const w = () => tensor([1, 2], { requiresGrad: true });

  test('coupled and decoupled decay give different results, and AdamW refuses the coupled one', () => {
    expect(new AdamW([w()]).paramGroups[0].decoupledWeightDecay).toBe(0.01);
    expect(() => new AdamW([w()], { weightDecay: 0.01 } as never)).toThrow(
      /AdamW: weightDecay \(coupled L2\) is not an AdamW option/,
    );
    expect(() => new AdamW([{ params: [w()], weightDecay: 0.1 }])).toThrow(ArgumentError);
  });

  test('betas must be a pair in [0, 1)', () => {
    expect(() => new Adam([w()], { betas: [0.9, 1] })).toThrow(/Adam: betas\[1\] must be in \[0, 1\)/);
    expect(() => new Adam([w()], { betas: [0.9] as never })).toThrow(/betas must be a pair/);
  });
});
