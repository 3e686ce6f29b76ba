import {
  type Backend,
  createJsBackend,
  dispose,
  getBackend,
  matmul,
  mean,
  randn,
  square,
  type Tensor,
  type TypedArray,
  tidy,
  useBackend,
} from '@nagare/tensor';
import type { SuiteReport, SuiteResult } from '@nagare/tensor/testing';
import { compareAllClose } from '@nagare/tensor/testing';
import { clipGradNormOnDevice } from '../clip-grad-on-device';
import { OPTIMIZER_CASES, type OptimizerCase } from './optimizer-cases';

/** Options of `runOptimizerSuite`. */
export interface RunOptimizerSuiteOptions {
  /** The cases to run (default: `OPTIMIZER_CASES`, every optimizer). */
  cases?: readonly OptimizerCase[];
  /** Optimizer steps per case (default 5). */
  steps?: number;
  /** Tolerances against the js backend (defaults rtol 1e-4, atol 1e-5). */
  rtol?: number;
  atol?: number;
}

/**
 * Runs `steps` steps of a case on the active backend, on a seeded float32 least-squares problem
 * (weights [3, 2], bias [2]), and returns the parameters and every state buffer, read with `data()`.
 */
async function capture(c: OptimizerCase, steps: number): Promise<Map<string, TypedArray>> {
  const [x, y, weight, bias] = [
    randn([8, 3], { seed: 1 }),
    randn([8, 2], { seed: 2 }),
    randn([3, 2], { seed: 3 }),
    randn([2], { seed: 4 }),
  ];
  weight.requiresGrad = true;
  bias.requiresGrad = true;
  const optimizer = c.make([weight, bias]);
  const norms: Tensor[] = [];
  try {
    for (let step = 0; step < steps; step++) {
      tidy(() => mean(square(matmul(x, weight).add(bias).sub(y))).backward());
      if (c.isClipped) norms.push(clipGradNormOnDevice([weight, bias], 0.5));
      optimizer.step();
      optimizer.zeroGrad();
    }
    const state = optimizer.stateDict();
    const named: [string, Tensor][] = [
      ['weight', weight],
      ['bias', bias],
      ...norms.map((norm, i): [string, Tensor] => [`norm ${i}`, norm]),
      ...Object.entries(state.state).flatMap(([index, saved]) =>
        Object.entries(saved.tensors).map(([name, t]): [string, Tensor] => [`state ${index}.${name}`, t]),
      ),
    ];
    const values = await Promise.all(named.map(([, t]) => t.data()));
    for (const saved of Object.values(state.state)) dispose(Object.values(saved.tensors));
    return new Map(named.map(([name], i) => [name, values[i]]));
  } finally {
    optimizer.dispose();
    dispose([x, y, weight, bias, ...norms]);
  }
}

async function runCase(
  c: OptimizerCase,
  backend: Backend,
  js: Backend,
  options: RunOptimizerSuiteOptions,
): Promise<SuiteResult> {
  const base = { name: c.name, subject: c.optimizer };
  try {
    useBackend(js);
    const reference = await capture(c, options.steps ?? 5);
    useBackend(backend);
    const actual = await capture(c, options.steps ?? 5);
    const tolerance = { rtol: options.rtol ?? 1e-4, atol: options.atol ?? 1e-5 };
    for (const [name, expected] of reference) {
      const values = actual.get(name);
      const problem = values ? compareAllClose(values, expected, tolerance) : 'missing';
      if (problem) return { ...base, passed: false, message: `${name}: ${problem}` };
    }
    if (actual.size !== reference.size)
      return { ...base, passed: false, message: `${actual.size} values, want ${reference.size}` };
    return { ...base, passed: true, message: `${reference.size} tensors match js` };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ...base, passed: false, message };
  }
}

/**
 * Runs several steps of every optimizer on `backend` and on the js backend (float32, same seeds)
 * and compares the parameters and the optimizer state. Reads only with `data()`, so it runs in
 * Node or in a browser page on any backend, WebGPU included; resolves to a JSON report and
 * restores the previous backend.
 *
 * @example
 * const report = await runOptimizerSuite(await createWebGPUBackend());
 * report.failed; // 0
 */
export async function runOptimizerSuite(
  backend: Backend,
  options: RunOptimizerSuiteOptions = {},
): Promise<SuiteReport> {
  const previous = getBackend();
  const js = createJsBackend();
  try {
    const results: SuiteResult[] = [];
    for (const c of options.cases ?? OPTIMIZER_CASES) results.push(await runCase(c, backend, js, options));
    const passed = results.filter((result) => result.passed).length;
    const failed = results.length - passed;
    return { suite: 'optimizers', backend: backend.name, total: results.length, passed, failed, results };
  } finally {
    useBackend(previous);
  }
}
