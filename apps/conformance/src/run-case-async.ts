import { noGrad } from '@nagare/autograd';
import {
  type ImportedOnnx,
  importOnnx,
  type OnnxOpTable,
  type OnnxTensor,
  readOnnxModel,
  readTensorProto,
  UnsupportedOnnxError,
} from '@nagare/io';
import { isNagareError, type Tensor, tidy, UnsupportedOpError } from '@nagare/tensor';
import { compareWithExpected } from './compare';
import { trainingOps } from './ops/training';
import type { CaseResult } from './suite';

/** One ONNX case as bytes: the model and each data set's input and output TensorProtos, in order. */
export interface CaseFiles {
  model: Uint8Array;
  dataSets: { name: string; inputs: Uint8Array[]; outputs: Uint8Array[] }[];
}

/** Feeds by graph input name: the .pb's own name, else its position. */
function feedsOf(imported: ImportedOnnx, inputs: OnnxTensor[]): Record<string, OnnxTensor> {
  const feeds: Record<string, OnnxTensor> = {};
  inputs.forEach((tensor, i) => {
    const name = imported.inputs.some((info) => info.name === tensor.name)
      ? tensor.name
      : imported.inputs[i]?.name;
    if (name !== undefined) feeds[name] = { ...tensor, name };
  });
  return feeds;
}

/** Runs one data set; the outputs are read with `data()` and compared as the Node runner does. */
async function runDataSet(imported: ImportedOnnx, inputs: OnnxTensor[], expected: OnnxTensor[]) {
  if (expected.length !== imported.model.graph.outputs.length)
    return `${expected.length} expected outputs for ${imported.model.graph.outputs.length} graph outputs`;
  const feeds = feedsOf(imported, inputs);
  // Recording would keep every forward tensor alive for a backward pass that never comes.
  const outputs: Tensor[] = tidy(() => noGrad(() => imported.run(feeds)));
  try {
    const values = await Promise.all(outputs.map((output) => output.data()));
    for (let j = 0; j < imported.outputs.length; j++) {
      const suffix = imported.outputs.length > 1 ? ` (output ${j} "${imported.outputs[j].name}")` : '';
      const difference = compareWithExpected(outputs[j], expected[j], undefined, values[j]);
      if (difference) return difference + suffix;
    }
    return null;
  } finally {
    for (const output of outputs) output.dispose();
  }
}

/** Classifies what a case threw: an unsupported form, a nagare error, or a crash. */
export function classifyError(name: string, op: string, error: unknown): CaseResult {
  if (error instanceof UnsupportedOnnxError)
    return { name, op: error.opType, status: 'unsupported', detail: error.reason };
  if (error instanceof UnsupportedOpError) return { name, op, status: 'unsupported', detail: error.message };
  if (isNagareError(error)) return { name, op, status: 'fail', detail: `${error.name}: ${error.message}` };
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return { name, op, status: 'fail', detail: `crash: ${message.split('\n').slice(0, 3).join(' | ')}` };
}

/**
 * Runs one ONNX case given as bytes on the active backend, reading the outputs only with `data()`,
 * so it runs in Node or in a browser page on any backend, WebGPU included. Same classification
 * as `runCase`: pass, fail (with the first difference) or unsupported.
 *
 * @example
 * const result = await runCaseAsync(readCaseFiles('onnx-node/test_relu'), 'test_relu');
 */
export async function runCaseAsync(
  files: CaseFiles,
  name: string,
  operators: OnnxOpTable = trainingOps,
): Promise<CaseResult> {
  let op = '?';
  let imported: ImportedOnnx | undefined;
  try {
    const model = readOnnxModel(files.model, { source: `${name}/model.onnx` });
    op = model.graph.nodes.at(-1)?.opType ?? '?';
    imported = importOnnx(model, { operators });
    if (files.dataSets.length === 0) return { name, op, status: 'fail', detail: 'no test_data_set_* folder' };
    for (const dataSet of files.dataSets) {
      const read = (bytes: Uint8Array, i: number, kind: string) =>
        readTensorProto(bytes, { source: `${name}/${dataSet.name}/${kind}_${i}.pb` });
      const inputs = dataSet.inputs.map((bytes, i) => read(bytes, i, 'input'));
      const outputs = dataSet.outputs.map((bytes, i) => read(bytes, i, 'output'));
      const difference = await runDataSet(imported, inputs, outputs);
      if (difference) {
        const detail = files.dataSets.length > 1 ? `${dataSet.name}: ${difference}` : difference;
        return { name, op, status: 'fail', detail };
      }
    }
    return { name, op, status: 'pass', detail: '' };
  } catch (error) {
    return classifyError(name, op, error);
  } finally {
    imported?.dispose();
  }
}
