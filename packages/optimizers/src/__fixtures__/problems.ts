// Test problems and a harness that runs an optimizer and a float64 reference rule side by side.
// Importing @nagare/autograd installs its gradient engine, so the harness trains with backward().
import '@nagare/autograd';
import { matmul, mul, square, sub, sum, type Tensor, tensor, tidy } from '@nagare/tensor';
import { expect } from 'vitest';
import type { Optimizer } from '../optimizer';

/** A test function: where to start, the loss as tensor ops (for backward) and its closed-form gradient. */
export interface Problem {
  name: string;
  start: readonly number[];
  loss(x: Tensor): Tensor;
  gradient(x: readonly number[]): number[];
}

const f64 = (values: number[] | number[][]) => tensor(values, { dtype: 'float64' });

const A = [
  [3, 0.5, 0],
  [0.5, 2, 0.3],
  [0, 0.3, 0.2],
];
const B = [1, -2, 0.5];

/** f(x) = ½xᵀAx − bᵀx with a fixed symmetric positive definite A (condition number ≈ 16). */
export const QUADRATIC: Problem = {
  name: 'quadratic',
  start: [1, 1, -1],
  loss: (x) => sub(mul(sum(mul(x, matmul(f64(A), x))), 0.5), sum(mul(f64(B), x))),
  gradient: (x) => A.map((row, i) => row.reduce((sum, a, j) => sum + a * x[j], 0) - B[i]),
};

/** Rosenbrock's banana f(x, y) = (1 − x)² + 100(y − x²)², from the classic start (−1.2, 1). */
export const ROSENBROCK: Problem = {
  name: 'Rosenbrock',
  start: [-1.2, 1],
  loss: (p) => {
    const [x, y] = [sum(mul(p, f64([1, 0]))), sum(mul(p, f64([0, 1])))];
    return square(sub(1, x)).add(mul(square(sub(y, square(x))), 100));
  },
  gradient: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
};

export const PROBLEMS = [QUADRATIC, ROSENBROCK] as const;

/**
 * One step of a reference rule, written from the paper: updates `x` in place from gradient `g`
 * at 1-based step `t`; `state` holds the rule's own vectors.
 */
export type ReferenceRule = (
  x: number[],
  g: readonly number[],
  t: number,
  state: Record<string, number[]>,
) => void;

/**
 * Runs `steps` optimizer steps on a float64 parameter, the gradient from `loss(x).backward()`;
 * returns the iterates (start included).
 */
function runOptimizer(make: (params: Tensor[]) => Optimizer, problem: Problem, steps = 20): number[][] {
  const param = tensor([...problem.start], { dtype: 'float64', requiresGrad: true });
  const optimizer = make([param]);
  const path = [[...problem.start]];
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad();
    tidy(() => problem.loss(param).backward());
    optimizer.step();
    path.push(Array.from(param.dataSync()));
  }
  optimizer.zeroGrad();
  optimizer.dispose();
  param.dispose();
  return path;
}

/** Runs a reference rule from the problem's start; returns the iterates (start included). */
function runReference(rule: ReferenceRule, problem: Problem, steps = 20): number[][] {
  const x = [...problem.start];
  const state: Record<string, number[]> = {};
  const path = [[...x]];
  for (let t = 1; t <= steps; t++) {
    rule(x, problem.gradient(x), t, state);
    path.push([...x]);
  }
  return path;
}

/** A state vector of `size` zeros the first time `name` is read. */
export function vector(state: Record<string, number[]>, name: string, size: number, initial = 0): number[] {
  state[name] ??= new Array<number>(size).fill(initial);
  return state[name];
}

/** Every iterate agrees to `tolerance` (absolute), and the run actually moved. */
function expectSamePath(actual: number[][], expected: number[][], tolerance = 1e-6): void {
  expect(actual).toHaveLength(expected.length);
  let worst = 0;
  for (let k = 0; k < actual.length; k++) {
    for (let i = 0; i < actual[k].length; i++)
      worst = Math.max(worst, Math.abs(actual[k][i] - expected[k][i]));
  }
  expect(worst).toBeLessThanOrEqual(tolerance);
  const last = actual[actual.length - 1];
  expect(last.some((value, i) => Math.abs(value - actual[0][i]) > 1e-3)).toBe(true);
  for (const value of last) expect(Number.isFinite(value)).toBe(true);
}

/**
 * Runs the optimizer `make` builds and the reference `rule` on `problem` for 20 steps and checks
 * their paths agree to `tolerance` (see `expectSamePath`).
 */
export function expectMatchesReference(
  make: (params: Tensor[]) => Optimizer,
  rule: ReferenceRule,
  problem: Problem,
  tolerance?: number,
): void {
  expectSamePath(runOptimizer(make, problem), runReference(rule, problem), tolerance);
}
