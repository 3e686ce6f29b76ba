import { gradcheckAsync } from '@nagare/autograd';
import { type Backend, dispose, getBackend, tidy, useBackend } from '@nagare/tensor';
import { describeError, type SuiteReport, type SuiteResult, suiteReport } from '@nagare/tensor/testing';
import { GRADCHECK_CASES, type GradcheckCase } from './gradcheck-cases';

/** Options of `runGradchecks`. */
export interface RunGradchecksOptions {
  /** The cases to run (default: `GRADCHECK_CASES`, every differentiable op). */
  cases?: readonly GradcheckCase[];
  /** Central-difference step (default 1e-2, right for float32). */
  eps?: number;
  /** Tolerances: |analytic − numeric| ≤ atol + rtol·|numeric| (defaults 2e-2 and 2e-3). */
  rtol?: number;
  atol?: number;
}

async function runCase(c: GradcheckCase, options: RunGradchecksOptions): Promise<SuiteResult> {
  const base = { name: c.name, subject: c.op };
  let inputs: ReturnType<GradcheckCase['inputs']> = [];
  try {
    inputs = tidy(() => c.inputs());
    const { eps = 1e-2, rtol = 2e-2, atol = 2e-3 } = options;
    const result = await gradcheckAsync(c.f, inputs, { eps, rtol, atol });
    return { ...base, passed: result.passed, message: result.message };
  } catch (error) {
    return { ...base, passed: false, message: describeError(error) };
  } finally {
    dispose(inputs);
  }
}

/**
 * Gradchecks every differentiable op in float32 on `backend` (made active for the run, the
 * previous backend restored after), reading only with `data()`, so it runs in Node or in a
 * browser page on any backend, WebGPU included. Resolves to a JSON report; it never throws for a
 * failing case (the case's result says what went wrong).
 *
 * @example
 * const report = await runGradchecks(await createWebGPUBackend());
 * report.failed; // 0
 */
export async function runGradchecks(
  backend: Backend,
  options: RunGradchecksOptions = {},
): Promise<SuiteReport> {
  const previous = getBackend();
  useBackend(backend);
  try {
    const results: SuiteResult[] = [];
    for (const c of options.cases ?? GRADCHECK_CASES) results.push(await runCase(c, options));
    return suiteReport('gradchecks', backend.name, results);
  } finally {
    useBackend(previous);
  }
}
