import { noGrad } from '@nagare/autograd';
import { type FloatDType, Identity, type Module, Sequential, type TensorModule } from '@nagare/layers';
import { abs, max, randn, sub, type Tensor, tidy } from '@nagare/tensor';
import { OnnxDataType, type OnnxModel, type OnnxNode, type OnnxTensor } from '../onnx-types';
import { CHAIN_LAYERS, type ChainLayer } from './chain-layers';

/** The verification run's tolerance: the layers and the graph compute the same ops. */
const TOLERANCE = 1e-4;

/** Initializers and Constant nodes' values, by name: the values a chain node may take besides its input. */
function constantsOf(model: OnnxModel): Map<string, OnnxTensor> {
  const constants = new Map(model.graph.initializers.map((t) => [t.name, t]));
  for (const node of model.graph.nodes) {
    const value = node.attributes.value;
    if (node.opType === 'Constant' && value?.type === 'tensor') constants.set(node.outputs[0], value.value);
  }
  return constants;
}

/** How many nodes (and graph outputs) read each value. */
function readCounts(model: OnnxModel): Map<string, number> {
  const counts = new Map<string, number>();
  const read = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  for (const node of model.graph.nodes) for (const name of node.inputs) if (name) read(name);
  for (const output of model.graph.outputs) read(output.name);
  return counts;
}

/**
 * The graph's non-Constant nodes when they form one chain from the single input to the single
 * output: each reads the previous one's output (read by nothing else) plus constants.
 */
function chainNodes(model: OnnxModel, input: string, constants: ReadonlyMap<string, OnnxTensor>) {
  const reads = readCounts(model);
  const nodes = model.graph.nodes.filter((node) => node.opType !== 'Constant');
  let current = input;
  for (const node of nodes) {
    if (node.domain !== '' && node.domain !== 'ai.onnx') return null;
    const position = node.inputs.indexOf(current);
    // Only Add may take the chain value second (a bias added as Add(b, x)).
    if (position < 0 || (position > 0 && node.opType !== 'Add')) return null;
    if (node.inputs.some((name, i) => i !== position && name !== '' && !constants.has(name))) return null;
    if (reads.get(current) !== 1) return null;
    if (node.outputs.slice(1).some((name) => name !== '' && reads.has(name))) return null;
    current = node.outputs[0];
  }
  return current === model.graph.outputs[0].name ? nodes : null;
}

/** The layers of a chain, or null when a node is not a known layer. */
function chainLayers(model: OnnxModel, nodes: readonly OnnxNode[], rank: number, dtype: FloatDType) {
  const constants = constantsOf(model);
  const opset = model.opsetImports.find((o) => o.domain === '' || o.domain === 'ai.onnx')?.version ?? 1;
  const layers: (ChainLayer & { opType: string })[] = [];
  let currentRank = rank;
  for (let i = 0; i < nodes.length; i++) {
    const next = nodes[i + 1];
    const biasAdd = next?.opType === 'Add' ? next : null;
    const recognize = CHAIN_LAYERS[nodes[i].opType];
    const found = recognize?.(nodes[i], { constants, rank: currentRank, dtype, opset, biasAdd });
    if (!found) {
      for (const { layer } of layers) layer.dispose();
      return null;
    }
    layers.push({ ...found, opType: nodes[i].opType });
    currentRank = found.rank;
    if (found.consumedBiasAdd) i++;
  }
  return layers;
}

const isPosition = (name: string) => /^\d+$/.test(name);

/**
 * Positional layers placed where the exporting Sequential had them (`3.weight` → position 3), with
 * Identity in the gaps its parameter-free layers left (an elided Flatten, a Dropout), so the state
 * dict keeps the original names. Null when the positions do not increase.
 */
function positionedSequential(layers: readonly ChainLayer[]): Sequential | null {
  const placed: TensorModule[] = [];
  for (const { layer, name } of layers) {
    const position = name === undefined ? placed.length : Number(name);
    if (position < placed.length) return null;
    while (placed.length < position) placed.push(new Identity());
    placed.push(layer);
  }
  return new Sequential(...placed);
}

/**
 * The layers as a Sequential named like the exporting model, read from the weights' initializer
 * names: positions (`3.weight`) keep their place, names (`c1.weight` → `c1`) name their layer and a
 * layer without weights is named after its operator and position (`tanh1`). Any other mix is
 * numbered from 0, as PyTorch numbers a Sequential.
 */
function sequentialOf(layers: readonly (ChainLayer & { opType: string })[]): Sequential {
  const given = layers.flatMap((found) => (found.name === undefined ? [] : [found.name]));
  const plain = () => new Sequential(...layers.map((found) => found.layer));
  if (given.length === 0) return plain();
  if (given.every(isPosition)) return positionedSequential(layers) ?? plain();
  // A bare position as a key would come first in the object Sequential.named reads.
  const names = layers.map((found, i) => found.name ?? `${found.opType.toLowerCase()}${i}`);
  if (names.some(isPosition) || new Set(names).size !== names.length) return plain();
  return Sequential.named(Object.fromEntries(names.map((name, i) => [name, layers[i].layer])));
}

/**
 * Most elements the self-check's random input may have (512 KiB of float32). The check only needs
 * to tell a faithful module from a wrong one; a file's declared shape must not decide how much it
 * allocates.
 */
export const SELF_CHECK_MAX_ELEMENTS = 131_072;

/** The batch size the self-check uses when the declared one is symbolic or too large. */
const CHECK_BATCH = 2;

/**
 * The input shape the self-check runs on. A symbolic batch dim (the first) becomes 2, and so does
 * a fixed one when the declared shape holds more than `SELF_CHECK_MAX_ELEMENTS`; other dims decide
 * the layers' weights, so they stay as declared: null when one of them is symbolic, `skipReason`
 * when the shape is too large even so.
 */
export function selfCheckShape(
  declared: readonly (number | string | null)[],
): number[] | { skipReason: string } | null {
  const [batch, ...rest] = declared;
  if (!rest.every((d): d is number => typeof d === 'number')) return null;
  const count = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
  if (declared.length === 0) return [];
  let shape = [typeof batch === 'number' ? batch : CHECK_BATCH, ...rest];
  if (count(shape) > SELF_CHECK_MAX_ELEMENTS) shape = [Math.min(shape[0], CHECK_BATCH), ...rest];
  if (count(shape) <= SELF_CHECK_MAX_ELEMENTS) return shape;
  return {
    skipReason: `the input shape [${declared.join(', ')}] has more than ${SELF_CHECK_MAX_ELEMENTS} elements at batch size ${shape[0]}, too many for the import-time check`,
  };
}

/** True when `module` and the graph agree on a seeded random input of `shape`. */
function agrees(
  module: Module,
  runGraph: (inputs: Tensor[]) => Tensor[],
  shape: number[],
  dtype: FloatDType,
) {
  try {
    return noGrad(() =>
      tidy(() => {
        const x = randn(shape, { seed: 0, dtype });
        const expected = runGraph([x])[0];
        const actual = module.call(x);
        if (actual.dtype !== expected.dtype || actual.shape.join() !== expected.shape.join()) return false;
        const error = max(sub(abs(sub(actual, expected)), abs(expected).mul(TOLERANCE))).dataSync()[0];
        return error <= TOLERANCE;
      }),
    );
  } catch {
    return false;
  }
}

/** What `chainModule` found: the module, or null and (when the check could not run) why. */
export interface ChainModuleResult {
  module: Module | null;
  /** Why a chain of known layers was not checked (so `module` is null); null otherwise. */
  skipReason: string | null;
}

const NONE: ChainModuleResult = { module: null, skipReason: null };

/**
 * The graph as a `Sequential` of nagare layers with named parameters (`0.weight`, …), when it is a
 * chain of known layers from one float input of known rank to one output. The module is checked
 * against the graph on a small random input (`selfCheckShape`) before it is returned;
 * `runGraph` must accept that input even when its batch dim differs from the declared one.
 */
export function chainModule(model: OnnxModel, runGraph: (inputs: Tensor[]) => Tensor[]): ChainModuleResult {
  const { graph } = model;
  const initializerNames = new Set(graph.initializers.map((t) => t.name));
  const inputs = graph.inputs.filter((info) => !initializerNames.has(info.name));
  if (inputs.length !== 1 || graph.outputs.length !== 1) return NONE;
  const [input] = inputs;
  if (!input.shape) return NONE;
  const dtype: FloatDType | null =
    input.elemType === OnnxDataType.FLOAT
      ? 'float32'
      : input.elemType === OnnxDataType.DOUBLE
        ? 'float64'
        : null;
  if (!dtype) return NONE;
  const nodes = chainNodes(model, input.name, constantsOf(model));
  if (!nodes) return NONE;
  const shape = selfCheckShape(input.shape);
  if (shape === null) return NONE;
  if (!Array.isArray(shape)) return { module: null, skipReason: shape.skipReason };
  const layers = chainLayers(model, nodes, shape.length, dtype);
  if (!layers) return NONE;
  const module = sequentialOf(layers).eval();
  if (agrees(module, runGraph, shape, dtype)) return { module, skipReason: null };
  module.dispose();
  return NONE;
}
