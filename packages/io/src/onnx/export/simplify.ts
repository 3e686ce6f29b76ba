import type { OnnxGraph, OnnxNode, OnnxTensor } from '../onnx-types';

/** The nodes reading each value name (graph outputs count as one reader each, as `null`). */
function readersOf(graph: OnnxGraph): Map<string, (OnnxNode | null)[]> {
  const readers = new Map<string, (OnnxNode | null)[]>();
  const add = (name: string, node: OnnxNode | null) => {
    if (!name) return;
    const list = readers.get(name);
    if (list) list.push(node);
    else readers.set(name, [node]);
  };
  for (const node of graph.nodes) for (const name of node.inputs) add(name, node);
  for (const output of graph.outputs) add(output.name, null);
  return readers;
}

const isVector = (t: OnnxTensor | undefined, length: number) =>
  t !== undefined && t.dims.length === 1 && t.dims[0] === length;

/**
 * The bias a lone `Add` reading `output` adds: the Add and the bias's value name, when the other
 * operand is `bias` itself (Linear) or a Reshape of it read by nothing else (Conv2d's [1, C, 1, 1]).
 */
function biasAdd(
  output: string,
  channels: number,
  readers: Map<string, (OnnxNode | null)[]>,
  initializers: Map<string, OnnxTensor>,
  producers: Map<string, OnnxNode>,
) {
  const [add, ...more] = readers.get(output) ?? [];
  if (!add || more.length > 0 || add.opType !== 'Add') return null;
  const other = add.inputs[0] === output ? add.inputs[1] : add.inputs[0];
  if (isVector(initializers.get(other), channels)) return { add, bias: other, reshape: null };
  const reshape = producers.get(other);
  if (reshape?.opType !== 'Reshape' || readers.get(other)?.length !== 1) return null;
  const shape = initializers.get(reshape.inputs[1])?.values;
  const isChannelShape = shape?.length === 4 && Array.from(shape, Number).join() === `1,${channels},1,1`;
  if (!isChannelShape || !isVector(initializers.get(reshape.inputs[0]), channels)) return null;
  return { add, bias: reshape.inputs[0], reshape };
}

/**
 * Folds the bias additions nagare's Linear and Conv2d trace as separate ops into the Gemm or Conv
 * before them (Gemm's C, Conv's B), so the exported graph reads like one from PyTorch.
 */
export function fuseBiases(graph: OnnxGraph): void {
  const initializers = new Map(graph.initializers.map((t) => [t.name, t]));
  const removed = new Set<OnnxNode>();
  for (const node of graph.nodes) {
    if ((node.opType !== 'Gemm' && node.opType !== 'Conv') || node.inputs.length !== 2) continue;
    const weight = initializers.get(node.inputs[1]);
    if (!weight) continue;
    const isTransposed = node.attributes.transB?.type === 'int' && node.attributes.transB.value === 1;
    const channels = node.opType === 'Conv' || isTransposed ? weight.dims[0] : weight.dims[1];
    const producers = new Map(graph.nodes.flatMap((n) => n.outputs.map((o) => [o, n] as const)));
    const found = biasAdd(node.outputs[0], channels, readersOf(graph), initializers, producers);
    if (!found || initializers.get(found.bias)?.dataType !== weight.dataType) continue;
    node.inputs.push(found.bias);
    node.outputs[0] = found.add.outputs[0];
    removed.add(found.add);
    if (found.reshape) removed.add(found.reshape);
    graph.nodes = graph.nodes.filter((n) => !removed.has(n));
  }
}

/** Drops nodes whose outputs nothing reads, then initializers nothing reads. */
export function removeUnused(graph: OnnxGraph): void {
  let changed = true;
  while (changed) {
    const readers = readersOf(graph);
    const kept = graph.nodes.filter((node) => node.outputs.some((name) => readers.has(name)));
    changed = kept.length !== graph.nodes.length;
    graph.nodes = kept;
  }
  const readers = readersOf(graph);
  graph.initializers = graph.initializers.filter((t) => readers.has(t.name));
}

/** Renames the value `from` to `to` wherever a node produces or reads it. */
export function renameValue(graph: OnnxGraph, from: string, to: string): void {
  for (const node of graph.nodes) {
    node.inputs = node.inputs.map((name) => (name === from ? to : name));
    node.outputs = node.outputs.map((name) => (name === from ? to : name));
  }
}
