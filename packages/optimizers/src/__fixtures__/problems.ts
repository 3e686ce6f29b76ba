// Test problems and a harness that runs an optimizer and a float64 reference rule side by side.
import { type Tensor, tensor } from '@nagare/tensor';
import { expect } from 'vitest';
import type { Optimizer } from '../optimizer';

/** A differentiable test function: where to start and its gradient (closed form, float64). */
export interface Problem {
  name: string;
  start: readonly number[];
  gradient(x: readonly number[]): number[];
}

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
  gradient: (x) => A.map((row, i) => row.reduce((sum, a, j) => sum + a * x[j], 0) - B[i]),
};

/** Rosenbrock's banana f(x, y) = (1 − x)² + 100(y − x²)², from the classic start (−1.2, 1). */
export const ROSENBROCK: Problem = {
  name: 'Rosenbrock',
  start: [-1.2, 1],
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

/** Runs `steps` optimizer steps on a float64 parameter; returns the iterates (start included). */
export function runOptimizer(
  make: (params: Tensor[]) => Optimizer,
  problem: Problem,
  steps = 20,
): number[][] {
  const param = tensor([...problem.start], { dtype: 'float64', requiresGrad: true });
  const optimizer = make([param]);
  const path = [[...problem.start]];
  for (let i = 0; i < steps; i++) {
    optimizer.zeroGrad();
    param.grad = tensor(problem.gradient(path[i]), { dtype: 'float64' });
    optimizer.step();
    path.push(Array.from(param.dataSync()));
  }
  optimizer.zeroGrad();
  optimizer.dispose();
  param.dispose();
  return path;
}

/** Runs a reference rule from the problem's start; returns the iterates (start included). */
export function runReference(rule: ReferenceRule, problem: Problem, steps = 20): number[][] {
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
export function expectSamePath(actual: number[][], expected: number[][], tolerance = 1e-6): void {
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
