// Page entry: every forward case of the shared op suite on the webgpu backend.
import { useBackend } from '@nagare/tensor';
import { ALL_CASES, checkOpCaseAsync, type OpCase, type Tolerance } from '@nagare/tensor/testing';
import type { WebGPUBackend } from '@nagare/webgpu';
import { float64AsFloat32 } from './float64-as-float32';

/** The outcome of one case: `problem` null means it passed; `skipped` gives the reason it did not run. */
export interface CaseResult {
  op: string;
  name: string;
  problem: string | null;
  skipped?: string;
  ms: number;
}

/**
 * The suite's float32 tolerance (`checkOpCaseAsync`'s default). Every case runs at float32 here,
 * float64 ones included, so none is held tighter than this.
 */
const FLOAT32: Tolerance = { rtol: 1e-5, atol: 1e-6 };

function widen(tolerance: Tolerance | undefined): Tolerance {
  return {
    rtol: Math.max(tolerance?.rtol ?? 0, FLOAT32.rtol ?? 0),
    atol: Math.max(tolerance?.atol ?? 0, FLOAT32.atol ?? 0),
  };
}

/**
 * float64 cases whose inputs float32 cannot even hold, so no float32 kernel can pass them: skipped
 * with the reason, by `op: name`.
 */
const FLOAT64_ONLY: Record<string, string> = {
  'variance: centered, so a large offset does not cancel':
    'inputs 1e9 + 1, 1e9 + 2, 1e9 + 3 are one value in float32 (its spacing at 1e9 is 64)',
};

/** The case with float32 tolerances (float64 tensors run at float32 through `float64AsFloat32`). */
function atFloat32(c: OpCase): OpCase {
  return { ...c, tolerance: widen(c.tolerance) };
}

/** Runs every case (or only those of `ops`) and reports each one; a thrown error is a failure. */
export async function runCases({ ops }: { ops?: string[] }, backend: WebGPUBackend): Promise<CaseResult[]> {
  useBackend(float64AsFloat32(backend));
  const results: CaseResult[] = [];
  for (const c of ALL_CASES) {
    if (ops && !ops.includes(c.op)) continue;
    const started = performance.now();
    const result: CaseResult = { op: c.op, name: c.name, problem: null, ms: 0 };
    const skipped = c.skip?.webgpu ?? FLOAT64_ONLY[`${c.op}: ${c.name}`];
    if (skipped) {
      result.skipped = skipped;
    } else {
      try {
        result.problem = await checkOpCaseAsync(atFloat32(c));
      } catch (error) {
        result.problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      }
    }
    result.ms = performance.now() - started;
    results.push(result);
  }
  return results;
}
