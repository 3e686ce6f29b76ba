import { noGrad } from '@nagare/autograd';
import type { Module } from '@nagare/layers';
import { ArgumentError, type Tensor, tidy } from '@nagare/tensor';
import { UnsupportedOnnxError } from '../../errors/unsupported-onnx-error';
import type { OnnxModel, OnnxValueInfo } from '../onnx-types';
import { readOnnxModel } from '../read-onnx';
import { chainModule } from './chain-module';
import { feedValues, initializerValues, type OnnxFeeds } from './feeds';
import { GraphRuntime, opKey } from './graph-runtime';
import type { GraphValue, OnnxOpTable } from './op-context';
import { ONNX_OPERATORS } from './ops/index';
import { summarizeGraph } from './summarize';
import { validateOnnxModel } from './validate/validate-model';

/** Options of `importOnnx`. */
export interface ImportOnnxOptions {
  /** Extra operator mappings, added to (or replacing) the built-in ones by key. */
  operators?: OnnxOpTable;
  /** Names the bytes in error messages (a file name); default `'importOnnx'`. */
  source?: string;
}

/**
 * An ONNX graph ready to run on nagare: `run(inputs)` evaluates the nodes in order with nagare ops
 * and layers. `module` is the same computation as a `Sequential` of nagare layers with named
 * parameters when the graph is a chain of known layers (else null). The initializers live on the
 * backend that was active at import until `dispose()`.
 */
export class ImportedOnnx {
  /** The decoded model. */
  readonly model: OnnxModel;
  /** The inputs to feed, in order (graph inputs that are not initializers). */
  readonly inputs: readonly OnnxValueInfo[];
  /** The outputs `run` returns, in order. */
  readonly outputs: readonly OnnxValueInfo[];
  /** The graph as nagare layers when it is a chain of known layers, else null. */
  readonly module: Module | null;
  /**
   * Why `module` is null although the graph is a chain of known layers: its input is too large
   * for the import-time check (see `importOnnx`). Null otherwise.
   */
  readonly moduleSkipReason: string | null;
  readonly #runtime: GraphRuntime;
  readonly #initializers: Map<string, GraphValue>;
  readonly #overridable: readonly OnnxValueInfo[];

  /** Use `importOnnx`. */
  constructor(model: OnnxModel, table: OnnxOpTable) {
    this.model = model;
    const { graph } = model;
    const initializerNames = new Set(graph.initializers.map((t) => t.name));
    this.inputs = graph.inputs.filter((info) => !initializerNames.has(info.name));
    this.#overridable = graph.inputs.filter((info) => initializerNames.has(info.name));
    this.outputs = graph.outputs;
    this.#runtime = new GraphRuntime(model, table);
    this.#initializers = initializerValues(graph.initializers);
    const chain = chainModule(model, (feeds) => this.#evaluate(feeds, false));
    this.module = chain.module;
    this.moduleSkipReason = chain.skipReason;
  }

  /**
   * Runs the graph: `inputs` in the order of `this.inputs`, or by name. Returns the outputs in
   * the order of `this.outputs`. Runs without recording gradients; intermediate tensors are freed.
   *
   * @example
   * const [logits] = imported.run([randn([1, 1, 28, 28])]);
   * const [y] = imported.run({ input: x });
   */
  run(inputs: OnnxFeeds): Tensor[] {
    return this.#evaluate(inputs, true);
  }

  #evaluate(inputs: OnnxFeeds, shouldCheckShapes: boolean): Tensor[] {
    return noGrad(() =>
      tidy(() => {
        const values = new Map(this.#initializers);
        const fed = feedValues(inputs, this.inputs, this.#overridable, shouldCheckShapes);
        for (const [name, value] of fed) values.set(name, value);
        const leaves = new Set([...values.values()].map((value) => value.tensor));
        const names = this.outputs.map((info) => info.name);
        this.#runtime.run(values, names);
        return names.map((name) => {
          const value = values.get(name);
          if (!value) throw new ArgumentError('ImportedOnnx.run', `output "${name}" was not produced`);
          // An output that is an input or initializer gets its own handle, so disposing it frees nothing shared.
          return leaves.has(value.tensor) ? value.tensor.clone() : value.tensor;
        });
      }),
    );
  }

  /**
   * A text summary: inputs and outputs with types and shapes, operators with counts, initializer
   * values, and the layers of `module` when there is one.
   *
   * @example
   * console.log(importOnnx(bytes).summary());
   */
  summary(): string {
    return summarizeGraph(this.model, this.module);
  }

  /** Frees the initializers and the module's parameters. The graph cannot run afterwards. */
  dispose(): void {
    for (const value of this.#initializers.values()) value.tensor.dispose();
    this.#initializers.clear();
    this.module?.dispose();
  }
}

/** Throws one error listing every operator of the graph that has no mapping. */
function checkOperators(model: OnnxModel, table: OnnxOpTable): void {
  const missing = new Set<string>();
  for (const node of model.graph.nodes) {
    const key = opKey(node.domain, node.opType);
    if (!Object.hasOwn(table, key)) missing.add(key);
  }
  if (missing.size > 0) throw new UnsupportedOnnxError([...missing]);
}

/**
 * Imports an ONNX model (bytes of a `.onnx` file, or a decoded `OnnxModel`) as a graph nagare can
 * run. Covers the operators of ONNX's node conformance tests (425 cases) plus initializers,
 * Constant, static graphs and several outputs. Operators without a mapping are listed all at once
 * in one `UnsupportedOnnxError`; corrupt bytes throw `OnnxFormatError`, and so does a graph that
 * breaks ONNX's rules, checked before anything runs: a node's input/output count or an attribute
 * its operator does not define, a node output reusing an initializer, input or other output name,
 * duplicate initializer or input names, an opset outside 1–30 (ai.onnx), or a graph input or
 * output of an element type nagare cannot hold (STRING, FLOAT16, …). For a chain of layers,
 * `module` is checked against the graph on a random input of at most 65,536 elements (the batch
 * dim shrinks to 1 when needed; `moduleSkipReason` says why when even that is too large).
 *
 * @example
 * const imported = importOnnx(readFileSync('model.onnx'));
 * const [y] = imported.run([tensor(values, { shape: [1, 784] })]);
 * imported.module?.stateDict(); // { '0.weight': …, '0.bias': …, … } for a chain of layers
 */
export function importOnnx(
  source: Uint8Array | ArrayBuffer | OnnxModel,
  options: ImportOnnxOptions = {},
): ImportedOnnx {
  const model =
    source instanceof Uint8Array || source instanceof ArrayBuffer
      ? readOnnxModel(source, { source: options.source ?? 'importOnnx' })
      : source;
  validateOnnxModel(model, options.source ?? 'importOnnx');
  const table = { ...ONNX_OPERATORS, ...options.operators };
  checkOperators(model, table);
  return new ImportedOnnx(model, table);
}
