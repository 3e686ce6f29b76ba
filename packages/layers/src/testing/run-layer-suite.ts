import {
  type Backend,
  createJsBackend,
  dispose,
  getBackend,
  isFloat,
  mul,
  randn,
  sum,
  Tensor,
  type TypedArray,
  useBackend,
} from '@nagare/tensor';
import type { SuiteReport, SuiteResult } from '@nagare/tensor/testing';
import { compareAllClose } from '@nagare/tensor/testing';
import type { LayerCase } from './layer-case';
import { LAYER_CASES } from './layer-cases';

/** Options of `runLayerSuite`. */
export interface RunLayerSuiteOptions {
  /** The cases to run (default: `LAYER_CASES`, every layer type). */
  cases?: readonly LayerCase[];
  /** Tolerances against the js backend (defaults rtol 1e-4, atol 1e-5). */
  rtol?: number;
  atol?: number;
}

/** Every tensor in a layer's result (a tensor, or nested arrays of them, as LSTM's state). */
function tensorsIn(value: unknown): Tensor[] {
  if (value instanceof Tensor) return [value];
  return Array.isArray(value) ? value.flatMap(tensorsIn) : [];
}

/**
 * Runs one case on the active backend: the forward outputs, the gradients of Σ wᵢ·yᵢ (seeded w)
 * for every parameter and float input, and the buffers after the call, by name, read with `data()`.
 */
async function capture(c: LayerCase): Promise<Map<string, TypedArray>> {
  const layer = c.build();
  const inputs = c.inputs();
  const made: Tensor[] = [...inputs];
  try {
    for (const x of inputs) if (isFloat(x.dtype)) x.requiresGrad = true;
    const outputs = tensorsIn(c.call ? c.call(layer, inputs) : layer.call(...inputs)).filter((y) =>
      isFloat(y.dtype),
    );
    made.push(...outputs);
    const terms = outputs.map((y, i) => sum(mul(y, randn(y.shape, { seed: 100 + i, dtype: y.dtype }))));
    made.push(...terms);
    const loss = terms.reduce((total, term) => total.add(term));
    made.push(loss);
    loss.backward();
    const named: [string, Tensor][] = [
      ...outputs.map((y, i): [string, Tensor] => [`output ${i}`, y]),
      ...inputs.flatMap((x, i): [string, Tensor][] => (x.grad ? [[`input ${i} grad`, x.grad]] : [])),
      ...layer
        .namedParameters()
        .flatMap(([name, p]): [string, Tensor][] => (p.grad ? [[`${name} grad`, p.grad]] : [])),
      ...layer.namedBuffers().map(([name, b]): [string, Tensor] => [name, b]),
    ];
    const values = await Promise.all(named.map(([, t]) => t.data()));
    return new Map(named.map(([name], i) => [name, values[i]]));
  } finally {
    dispose(made);
    for (const x of inputs) x.grad?.dispose();
    layer.dispose();
  }
}

function compare(
  reference: Map<string, TypedArray>,
  actual: Map<string, TypedArray>,
  options: RunLayerSuiteOptions,
): string | null {
  for (const [name, expected] of reference) {
    const values = actual.get(name);
    if (!values) return `${name}: missing`;
    const problem = compareAllClose(values, expected, {
      rtol: options.rtol ?? 1e-4,
      atol: options.atol ?? 1e-5,
    });
    if (problem) return `${name}: ${problem}`;
  }
  return actual.size === reference.size ? null : `${actual.size} values, want ${reference.size}`;
}

async function runCase(c: LayerCase, backend: Backend, js: Backend, options: RunLayerSuiteOptions) {
  const base = { name: c.name, subject: c.layer };
  try {
    useBackend(js);
    const reference = await capture(c);
    useBackend(backend);
    const actual = await capture(c);
    const problem = compare(reference, actual, options);
    return { ...base, passed: problem === null, message: problem ?? `${reference.size} values match js` };
  } catch (error) {
    return {
      ...base,
      passed: false,
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
    };
  }
}

/**
 * Runs every layer type on `backend` and on the js backend (float32, same seeds) and compares the
 * forward outputs, the parameter and input gradients and the buffers. Reads only with `data()`,
 * so it runs in Node or in a browser page on any backend, WebGPU included; resolves to a JSON
 * report and restores the previous backend.
 *
 * @example
 * const report = await runLayerSuite(await createWebGPUBackend());
 * report.failed; // 0
 */
export async function runLayerSuite(
  backend: Backend,
  options: RunLayerSuiteOptions = {},
): Promise<SuiteReport> {
  const previous = getBackend();
  const js = createJsBackend();
  try {
    const results: SuiteResult[] = [];
    for (const c of options.cases ?? LAYER_CASES) results.push(await runCase(c, backend, js, options));
    const passed = results.filter((result) => result.passed).length;
    return {
      suite: 'layers',
      backend: backend.name,
      total: results.length,
      passed,
      failed: results.length - passed,
      results,
    };
  } finally {
    useBackend(previous);
  }
}
