// Page entries that run the portable suites on the webgpu backend: float32 gradchecks of every
// differentiable op, every layer type and every optimizer against the js backend, and the stored
// ONNX conformance cases (given as base64 bytes, read in Node by the test).
import { runGradchecks, type SuiteReport } from '@nagare/autograd/testing';
import { runLayerSuite } from '@nagare/layers/testing';
import { runOptimizerSuite } from '@nagare/optimizers/testing';
import type { WebGPUBackend } from '@nagare/webgpu';
import { type CaseFiles, type CaseResult, runCaseAsync } from '../../../../apps/conformance/src/portable';

/** One ONNX case as JSON: the model and the data sets' TensorProtos, each base64. */
export interface EncodedCase {
  name: string;
  model: string;
  dataSets: { name: string; inputs: string[]; outputs: string[] }[];
}

export const gradchecks = (_args: unknown, backend: WebGPUBackend): Promise<SuiteReport> =>
  runGradchecks(backend);
export const layers = (_args: unknown, backend: WebGPUBackend): Promise<SuiteReport> =>
  runLayerSuite(backend);
export const optimizers = (_args: unknown, backend: WebGPUBackend): Promise<SuiteReport> =>
  runOptimizerSuite(backend);

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Runs each case on the installed webgpu backend, in order. */
export async function conformance(args: { cases: EncodedCase[] }): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const encoded of args.cases) {
    const files: CaseFiles = {
      model: bytes(encoded.model),
      dataSets: encoded.dataSets.map((set) => ({
        name: set.name,
        inputs: set.inputs.map(bytes),
        outputs: set.outputs.map(bytes),
      })),
    };
    results.push(await runCaseAsync(files, encoded.name));
  }
  return results;
}
