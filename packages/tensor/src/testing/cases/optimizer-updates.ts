import * as nt from '../../ops/all';
import { tensor } from '../../ops/creation';
import type { Tensor } from '../../tensor';
import type { DType } from '../../types';
import type { OpCase } from '../op-case';

// Each case updates fresh tensors in place and returns [param, ...state] after the step. Expected
// values are the published update rule evaluated per element in float64.

const X = [1, -2, 0.5];
const G = [0.5, 0.25, -1];
const S = [0.2, 1, 4];
const T = [0.5, 0.01, 2];

const t = (values: number[], dtype: DType = 'float32'): Tensor => tensor(values, { dtype });

/** Applies `rule` to each element index, collecting each returned component into its own array. */
function perElement(rule: (i: number) => number[]): number[][] {
  const rows = X.map((_, i) => rule(i));
  return rows[0].map((_, k) => rows.map((row) => row[k]));
}

const sgdCases: OpCase[] = [
  {
    op: 'sgdUpdate',
    name: 'plain step',
    run: () => nt.sgdUpdate(t(X), t(G), { lr: 0.1 }),
    expected: [0.95, -2.025, 0.6],
  },
  {
    op: 'sgdUpdate',
    name: 'coupled L2 decay adds λx to the gradient',
    run: () => nt.sgdUpdate(t(X), t(G), { lr: 0.1, weightDecay: 0.1 }),
    expected: [0.94, -2.005, 0.595],
  },
  {
    op: 'sgdUpdate',
    name: 'decoupled decay shrinks x by lr·λ',
    run: () => nt.sgdUpdate(t(X, 'float64'), t(G, 'float64'), { lr: 0.1, decoupledWeightDecay: 0.5 }),
    expected: [0.9, -1.925, 0.575],
    dtype: 'float64',
    tolerance: { rtol: 1e-14 },
  },
];

const momentumCase = (
  name: string,
  options: { dampening?: number; nesterov?: boolean },
  expected: number[][],
): OpCase => ({
  op: 'momentumUpdate',
  name,
  run: () => {
    const [x, velocity] = [t(X), t([1, 0, -1])];
    nt.momentumUpdate(x, t(G), { velocity }, { lr: 0.1, momentum: 0.9, ...options });
    return [x, velocity];
  },
  expected,
});

const momentumCases: OpCase[] = [
  momentumCase('heavy ball', {}, [
    [0.86, -2.025, 0.69],
    [1.4, 0.25, -1.9],
  ]),
  momentumCase('nesterov looks ahead', { nesterov: true }, [
    [0.824, -2.0475, 0.771],
    [1.4, 0.25, -1.9],
  ]),
  momentumCase('dampening scales the gradient', { dampening: 0.5 }, [
    [0.885, -2.0125, 0.64],
    [1.15, 0.125, -1.4],
  ]),
];

const adaptiveCases: OpCase[] = [
  {
    op: 'adagradUpdate',
    name: 'accumulates squares',
    run: () => {
      const [x, sumSquares] = [t(X), t(S)];
      nt.adagradUpdate(x, t(G), { sumSquares }, { lr: 0.1, eps: 1e-10 });
      return [x, sumSquares];
    },
    expected: perElement((i) => {
      const h = S[i] + G[i] ** 2;
      return [X[i] - (0.1 * G[i]) / (Math.sqrt(h) + 1e-10), h];
    }),
  },
  {
    op: 'adadeltaUpdate',
    name: 'unit-corrected step',
    run: () => {
      const [x, squareAvg, deltaAvg] = [t(X), t(S), t(T)];
      nt.adadeltaUpdate(x, t(G), { squareAvg, deltaAvg }, { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0.01 });
      return [x, squareAvg, deltaAvg];
    },
    expected: perElement((i) => {
      const g = G[i] + 0.01 * X[i];
      const s = 0.9 * S[i] + 0.1 * g * g;
      const delta = (Math.sqrt(T[i] + 1e-6) / Math.sqrt(s + 1e-6)) * g;
      return [X[i] - delta, s, 0.9 * T[i] + 0.1 * delta * delta];
    }),
  },
  {
    op: 'rmspropUpdate',
    name: 'plain',
    run: () => {
      const [x, squareAvg] = [t(X), t(S)];
      nt.rmspropUpdate(x, t(G), { squareAvg }, { lr: 0.01, alpha: 0.99, eps: 1e-8 });
      return [x, squareAvg];
    },
    expected: perElement((i) => {
      const s = 0.99 * S[i] + 0.01 * G[i] ** 2;
      return [X[i] - (0.01 * G[i]) / (Math.sqrt(s) + 1e-8), s];
    }),
  },
  {
    op: 'rmspropUpdate',
    name: 'centered with momentum',
    run: () => {
      const [x, squareAvg, gradAvg, momentumBuffer] = [t(X), t(S), t([0.1, -0.1, 0.3]), t(T)];
      nt.rmspropUpdate(
        x,
        t(G),
        { squareAvg, gradAvg, momentumBuffer },
        { lr: 0.01, alpha: 0.9, eps: 1e-8, momentum: 0.5 },
      );
      return [x, squareAvg, gradAvg, momentumBuffer];
    },
    expected: perElement((i) => {
      const s = 0.9 * S[i] + 0.1 * G[i] ** 2;
      const a = 0.9 * [0.1, -0.1, 0.3][i] + 0.1 * G[i];
      const b = 0.5 * T[i] + G[i] / (Math.sqrt(s - a * a) + 1e-8);
      return [X[i] - 0.01 * b, s, a, b];
    }),
  },
];

const adamExpected = (step: number, amsgrad: boolean, decoupled: number) =>
  perElement((i) => {
    const m = 0.9 * T[i] + 0.1 * G[i];
    const v = 0.999 * S[i] + 0.001 * G[i] ** 2;
    const vMax = Math.max(amsgrad ? 3 : 0, v);
    const [c1, c2] = step > 0 ? [1 - 0.9 ** step, 1 - 0.999 ** step] : [1, 1];
    const x = X[i] * (1 - 0.1 * decoupled) - (0.1 * (m / c1)) / (Math.sqrt((amsgrad ? vMax : v) / c2) + 1e-8);
    return amsgrad ? [x, m, v, vMax] : [x, m, v];
  });

const adamCase = (name: string, step: number, amsgrad: boolean, decoupled = 0): OpCase => ({
  op: 'adamUpdate',
  name,
  run: () => {
    const [x, m, v] = [t(X), t(T), t(S)];
    const vMax = amsgrad ? t([3, 3, 3]) : undefined;
    nt.adamUpdate(
      x,
      t(G),
      { m, v, vMax },
      { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, step, decoupledWeightDecay: decoupled },
    );
    return vMax ? [x, m, v, vMax] : [x, m, v];
  },
  expected: adamExpected(step, amsgrad, decoupled),
});

const adamCases: OpCase[] = [
  adamCase('bias-corrected at step 3', 3, false),
  adamCase('step 0 skips bias correction', 0, false),
  adamCase('amsgrad keeps the running max of v', 2, true),
  adamCase('decoupled decay (AdamW)', 5, false, 0.5),
  {
    op: 'adamaxUpdate',
    name: 'infinity norm',
    run: () => {
      const [x, m, u] = [t(X), t(T), t([0.4, 0.1, 0.2])];
      nt.adamaxUpdate(x, t(G), { m, u }, { lr: 0.002, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: 2 });
      return [x, m, u];
    },
    expected: perElement((i) => {
      const m = 0.9 * T[i] + 0.1 * G[i];
      const u = Math.max(0.999 * [0.4, 0.1, 0.2][i], Math.abs(G[i]) + 1e-8);
      return [X[i] - (0.002 / (1 - 0.81)) * (m / u), m, u];
    }),
  },
  {
    op: 'lionUpdate',
    name: 'sign step and β2 momentum',
    run: () => {
      const [x, m] = [t(X), t([-1, 0.5, 0])];
      nt.lionUpdate(x, t(G), { m }, { lr: 0.1, beta1: 0.9, beta2: 0.99, decoupledWeightDecay: 1 });
      return [x, m];
    },
    // c = 0.9·m + 0.1·g = [-0.85, 0.475, -0.1] → signs [-1, 1, -1]
    expected: [
      [1 * 0.9 + 0.1, -2 * 0.9 - 0.1, 0.5 * 0.9 + 0.1],
      [-0.99 + 0.005, 0.495 + 0.0025, -0.01],
    ],
  },
];

/** Forward cases of the fused in-place optimizer updates. */
export const optimizerUpdateCases: OpCase[] = [...sgdCases, ...momentumCases, ...adaptiveCases, ...adamCases];
