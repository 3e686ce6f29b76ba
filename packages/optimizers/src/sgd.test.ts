import { ArgumentError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { expectMatchesReference, PROBLEMS, type ReferenceRule, vector } from './__fixtures__/problems';
import { Momentum } from './momentum';
import { Nesterov } from './nesterov';
import { SGD } from './sgd';

// Reference rules in float64, written from the update rules rather than from the kernels.
const sgdRule =
  (lr: number, l2 = 0, decoupled = 0): ReferenceRule =>
  (x, g) => {
    for (let i = 0; i < x.length; i++) x[i] -= lr * decoupled * x[i] + lr * (g[i] + l2 * x[i]);
  };

// The lecture's momentum: v ← αv − lr·∇; x ← x + v (equal to PyTorch's form for a constant lr).
const lectureMomentumRule =
  (lr: number, alpha: number): ReferenceRule =>
  (x, g, _t, state) => {
    const v = vector(state, 'v', x.length);
    for (let i = 0; i < x.length; i++) {
      v[i] = alpha * v[i] - lr * g[i];
      x[i] += v[i];
    }
  };

// Sutskever et al. (2013) as PyTorch writes it: b ← μb + (1 − τ)g (b = g at t = 1); step g + μb for Nesterov.
const heavyBallRule =
  (
    lr: number,
    mu: number,
    options: { dampening?: number; nesterov?: boolean; l2?: number } = {},
  ): ReferenceRule =>
  (x, g, t, state) => {
    const { dampening = 0, nesterov = false, l2 = 0 } = options;
    const b = vector(state, 'b', x.length);
    for (let i = 0; i < x.length; i++) {
      const gi = g[i] + l2 * x[i];
      b[i] = t === 1 ? gi : mu * b[i] + (1 - dampening) * gi;
      x[i] -= lr * (nesterov ? gi + mu * b[i] : b[i]);
    }
  };

const LR = { quadratic: 0.1, Rosenbrock: 1e-3 } as const;

describe('SGD, Momentum and Nesterov match their published rules over 20 steps (float64, 1e-6)', () => {
  for (const problem of PROBLEMS) {
    const lr = LR[problem.name as keyof typeof LR];
    test(`SGD on ${problem.name}`, () => {
      expectMatchesReference((p) => new SGD(p, { lr }), sgdRule(lr), problem);
    });
    test(`SGD with coupled L2 weight decay on ${problem.name}`, () => {
      expectMatchesReference((p) => new SGD(p, { lr, weightDecay: 0.1 }), sgdRule(lr, 0.1), problem);
    });
    test(`SGD with decoupled weight decay on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new SGD(p, { lr, decoupledWeightDecay: 0.5 }),
        sgdRule(lr, 0, 0.5),
        problem,
      );
    });
    test(`Momentum on ${problem.name} (lecture form)`, () => {
      expectMatchesReference((p) => new Momentum(p, { lr }), lectureMomentumRule(lr, 0.9), problem);
    });
    test(`SGD with momentum, dampening and L2 on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new SGD(p, { lr, momentum: 0.8, dampening: 0.3, weightDecay: 0.01 }),
        heavyBallRule(lr, 0.8, { dampening: 0.3, l2: 0.01 }),
        problem,
      );
    });
    test(`Nesterov on ${problem.name}`, () => {
      expectMatchesReference(
        (p) => new Nesterov(p, { lr }),
        heavyBallRule(lr, 0.9, { nesterov: true }),
        problem,
      );
    });
  }
});

describe('SGD options', () => {
  const w = () => tensor([1, 2], { requiresGrad: true });

  test('Momentum defaults to μ = 0.9 and Nesterov also turns on the look-ahead', () => {
    expect(new Momentum([w()], { lr: 0.1 }).paramGroups[0].momentum).toBe(0.9);
    const nesterov = new Nesterov([w()], { lr: 0.1 }).paramGroups[0];
    expect([nesterov.momentum, nesterov.nesterov]).toEqual([0.9, true]);
  });

  test('Nesterov without momentum, or with dampening, is refused', () => {
    expect(() => new SGD([w()], { lr: 0.1, nesterov: true })).toThrow(/SGD: nesterov needs momentum > 0/);
    expect(() => new Nesterov([w()], { lr: 0.1, dampening: 0.1 })).toThrow(/Nesterov: nesterov needs/);
  });

  test('invalid options are ArgumentErrors naming the optimizer and option', () => {
    expect(() => new SGD([w()], { lr: -1 })).toThrow(/SGD: lr must be in \[0, Infinity\] \(got -1\)/);
    expect(() => new Momentum([w()], { lr: 0.1, momentum: -0.5 })).toThrow(ArgumentError);
    expect(() => new SGD([w()], { lr: 0.1, dampening: 1 })).toThrow(/dampening/);
  });
});
