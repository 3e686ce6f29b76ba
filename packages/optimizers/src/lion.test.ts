import { tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Lion } from './lion';

// Chen et al. (2023), Algorithm 2: c = β1·m + (1−β1)·g; x ← x − lr·(sign(c) + λ·x); m ← β2·m + (1−β2)·g.
const lionRule =
  (lr: number, beta1: number, beta2: number, lambda = 0): ReferenceRule =>
  (x, g, _t, state) => {
    const m = vector(state, 'm', x.length);
    for (let i = 0; i < x.length; i++) {
      const c = beta1 * m[i] + (1 - beta1) * g[i];
      x[i] -= lr * (Math.sign(c) + lambda * x[i]);
      m[i] = beta2 * m[i] + (1 - beta2) * g[i];
    }
  };

describe('Lion matches Chen et al. (2023) over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    test(`lr 0.01 on ${problem.name}`, () => {
      expectMatchesReference((p) => new Lion(p, { lr: 0.01 }), lionRule(0.01, 0.9, 0.99), problem);
    });
    test(`with decoupled decay and other betas on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Lion(p, { lr: 0.01, betas: [0.95, 0.98], decoupledWeightDecay: 1 }),
        lionRule(0.01, 0.95, 0.98, 1),
        problem,
      );
    });
  }
});

test('Lion moves every coordinate by exactly lr on its first step', () => {
  const w = tensor([1, -1, 3], { dtype: 'float64', requiresGrad: true });
  w.grad = tensor([0.001, -50, 2], { dtype: 'float64' });
  new Lion([w], { lr: 0.1 }).step();
  expect(Array.from(w.dataSync())).toEqual([0.9, -0.9, 2.9]);
});
