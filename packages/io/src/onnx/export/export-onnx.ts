import { noGrad } from '@nagare/autograd';
import { type AnyModule, Module } from '@nagare/layers';
import { ArgumentError, type OpRecord, Tensor, tidy, traceOps } from '@nagare/tensor';
import { OnnxExportError } from '../../errors/onnx-export-error';
import type { OnnxGraph, OnnxModel, OnnxValueInfo } from '../onnx-types';
import { writeOnnxModel } from '../write-onnx';
import { ONNX_TYPE, OnnxGraphBuilder } from './graph-builder';
import { installModuleExporters, type TraceState } from './module-exporters';
import { OP_EXPORTERS } from './ops/index';
import type { OpExporter } from './ops/types';
import { fuseBiases, removeUnused, renameValue } from './simplify';

/** The ai.onnx opsets `exportOnnx` writes, and the IR version each needs. */
const IR_VERSION: Record<number, number> = { 17: 8, 18: 8, 19: 9, 20: 9, 21: 10, 22: 10 };

/** Options of `exportOnnx`. */
export interface ExportOnnxOptions {
  /** ai.onnx opset version, 17 to 22 (default 17). */
  opset?: number;
  /** Graph input names (default `input`, or `input_0`, `input_1`, … for several). */
  inputNames?: readonly string[];
  /** Graph output names (default `output`, or `output_0`, … for several). */
  outputNames?: readonly string[];
  /** The graph's name (default the module's class name). */
  graphName?: string;
}

/** What `exportOnnx` traces: a module, or a function of tensors. */
export type ExportableModel = AnyModule | ((...inputs: Tensor[]) => unknown);

/** The tensors of a forward pass's result, in order: nested arrays and plain objects are flattened. */
function flattenTensors(value: unknown, into: Tensor[] = []): Tensor[] {
  if (value instanceof Tensor) into.push(value);
  else if (Array.isArray(value)) for (const item of value) flattenTensors(item, into);
  else if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    for (const item of Object.values(value)) flattenTensors(item, into);
  return into;
}

function names(given: readonly string[] | undefined, count: number, base: string, what: string): string[] {
  if (given) {
    if (given.length !== count || new Set(given).size !== count)
      throw new ArgumentError(
        'exportOnnx',
        `${what} needs ${count} distinct names, got [${given.join(', ')}]`,
      );
    return [...given];
  }
  return count === 1 ? [base] : Array.from({ length: count }, (_, i) => `${base}_${i}`);
}

const valueInfo = (name: string, t: Tensor): OnnxValueInfo => ({
  name,
  kind: 'tensor',
  elemType: ONNX_TYPE[t.dtype],
  shape: [...t.shape],
});

/** Runs the forward pass once under a trace, writing each op into `builder`; returns the outputs. */
function trace(model: ExportableModel, inputs: Tensor[], builder: OnnxGraphBuilder): Tensor[] {
  const missing = new Set<string>();
  const state: TraceState = { suppressed: 0 };
  const onOp = (record: OpRecord) => {
    if (state.suppressed > 0) return;
    const exporter = OP_EXPORTERS[record.op] as OpExporter<typeof record.op> | undefined;
    if (!exporter) {
      missing.add(record.op);
      for (const output of record.outputs) builder.bind(output, builder.fresh('unexported'));
      return;
    }
    // The exporter's own tensor work (converting a constant's dtype) is not part of the model.
    state.suppressed++;
    let outputs: string[];
    try {
      outputs = exporter(record, builder);
    } finally {
      state.suppressed--;
    }
    for (const [i, output] of record.outputs.entries()) builder.bind(output, outputs[i]);
  };
  const isModule = model instanceof Module;
  const wasTraining = isModule && model.training;
  if (isModule) model.eval();
  const restore = installModuleExporters(model, builder, state);
  let result: unknown;
  try {
    result = traceOps(() => noGrad(() => (isModule ? model.call(...inputs) : model(...inputs))), onOp);
  } finally {
    restore();
    if (isModule) model.train(wasTraining);
  }
  if (missing.size > 0)
    throw new OnnxExportError([...missing], `no ONNX form for the ops ${[...missing].join(', ')}`);
  const outputs = flattenTensors(result);
  if (outputs.length === 0) throw new OnnxExportError([], 'the forward pass returned no tensor');
  return outputs;
}

/** Names the graph outputs: renames the producing node's output, or adds an Identity when it cannot. */
function nameOutputs(graph: OnnxGraph, builder: OnnxGraphBuilder, outputs: Tensor[], outputNames: string[]) {
  const produced = new Set(graph.nodes.flatMap((n) => n.outputs));
  const renamed = new Map<string, string>();
  outputs.forEach((t, i) => {
    const source = builder.value(t);
    const name = outputNames[i];
    if (produced.has(source) && !renamed.has(source)) {
      renameValue(graph, source, name);
      renamed.set(source, name);
      return;
    }
    const input = renamed.get(source) ?? source;
    graph.nodes.push({
      name: `${name}_identity`,
      opType: 'Identity',
      domain: '',
      inputs: [input],
      outputs: [name],
      attributes: {},
    });
  });
}

/**
 * Traces `model`'s forward pass on `sampleInput` and returns it as a decoded ONNX model (see
 * `exportOnnx`), for inspection or changes before `writeOnnxModel`.
 *
 * @example
 * const onnx = exportOnnxModel(mlp([784, 128, 10]), randn([1, 784]));
 * console.log(onnx.graph.nodes.map((n) => n.opType)); // ['Gemm', 'Relu', 'Gemm']
 */
export function exportOnnxModel(
  model: ExportableModel,
  sampleInput: Tensor | readonly Tensor[],
  options: ExportOnnxOptions = {},
): OnnxModel {
  const opset = options.opset ?? 17;
  const irVersion = IR_VERSION[opset];
  if (irVersion === undefined)
    throw new ArgumentError('exportOnnx', `opset must be an integer from 17 to 22, got ${opset}`);
  const inputs = sampleInput instanceof Tensor ? [sampleInput] : [...sampleInput];
  if (inputs.length === 0 || !inputs.every((t) => t instanceof Tensor))
    throw new ArgumentError('exportOnnx', 'sampleInput must be a Tensor or a non-empty array of Tensors');
  const builder = new OnnxGraphBuilder(opset);
  const inputNames = names(options.inputNames, inputs.length, 'input', 'inputNames');
  for (const [i, t] of inputs.entries()) builder.bind(t, inputNames[i]);
  if (model instanceof Module) {
    for (const [name, t] of [...model.namedParameters(), ...model.namedBuffers()])
      if (!builder.has(t)) builder.bindInitializer(t, name);
  }
  // tidy frees what the forward pass computed: only names, shapes and constants are kept.
  const graph = tidy((): OnnxGraph => {
    const outputs = trace(model, inputs, builder);
    const outputNames = names(options.outputNames, outputs.length, 'output', 'outputNames');
    const traced: OnnxGraph = {
      name: options.graphName ?? (model instanceof Module ? model.constructor.name : model.name || 'main'),
      nodes: builder.nodes,
      inputs: inputs.map((t, i) => valueInfo(inputNames[i], t)),
      outputs: outputs.map((t, i) => valueInfo(outputNames[i], t)),
      initializers: builder.initializers,
      valueInfo: [],
    };
    nameOutputs(traced, builder, outputs, outputNames);
    return traced;
  });
  fuseBiases(graph);
  removeUnused(graph);
  return {
    irVersion,
    producerName: 'nagare',
    producerVersion: '',
    domain: '',
    modelVersion: 1,
    docString: `${graph.name} exported by @nagare/io from a traced forward pass`,
    opsetImports: [{ domain: '', version: opset }],
    graph,
    metadata: {},
  };
}

/**
 * Exports a module (or a function of tensors) to ONNX: runs its forward pass once on
 * `sampleInput` in evaluation mode, records every primitive op through `traceOps`, and writes the
 * graph (opset 17–22) with parameters and buffers as initializers under their state-dict names.
 * The graph has the sample's shapes: export again for another batch size. Outputs are the
 * tensors the forward returns, nested arrays flattened (`[logits, [h, c]]` gives three).
 *
 * @example
 * const bytes = exportOnnx(lenet5(), randn([1, 1, 28, 28]), { opset: 17 });
 * writeFileSync('lenet5.onnx', bytes); // runs in onnxruntime, or back in nagare with importOnnx
 */
export function exportOnnx(
  model: ExportableModel,
  sampleInput: Tensor | readonly Tensor[],
  options: ExportOnnxOptions = {},
): Uint8Array {
  return writeOnnxModel(exportOnnxModel(model, sampleInput, options));
}
