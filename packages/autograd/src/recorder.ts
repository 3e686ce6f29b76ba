import { ArgumentError, isFloat, type OpRecord, type Tensor } from '@nagare/tensor';
import { isGradEnabled } from './grad-mode';
import { type GradRule, isNonDifferentiable, type NonDifferentiable } from './grad-rule';
import {
  type Edge,
  edgeKey,
  edgeOf,
  type GraphNode,
  isNodeOutput,
  type NodeOutput,
  saveForBackward,
  type TensorMeta,
  trackNode,
} from './graph';
import { gradRules } from './rules';

/** Everything needed to put one node in the graph (a primitive op, `customGrad` or `checkpoint`). */
export interface NodeSpec {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly save?: GradRule['save'];
  readonly backward: GraphNode['backward'];
}

/** A tensor from outside a checkpointed function that the function reads and that needs a gradient. */
export interface ExternalInput {
  readonly edge: Edge;
  /** The outside tensor itself: the checkpointed function reads it again when it recomputes. */
  readonly tensor: Tensor;
}

/**
 * While a checkpointed function runs its forward pass, ops are not recorded: they only mark their
 * outputs as "inside" and collect the outside tensors that need gradients, saving nothing.
 */
export interface Discovery {
  /** A placeholder node every output computed inside points to. */
  readonly inside: NodeOutput;
  /** The function's own arguments (already edges of the checkpoint node). */
  readonly args: ReadonlySet<Tensor>;
  readonly externals: Map<Tensor | NodeOutput, ExternalInput>;
}

const discoveries: Discovery[] = [];

/** Runs `fn` with `discovery` collecting instead of recording. */
export function withDiscovery<T>(discovery: Discovery, fn: () => T): T {
  discoveries.push(discovery);
  try {
    return fn();
  } finally {
    discoveries.pop();
  }
}

/** The op recorder installed into the dispatcher: one graph node per differentiable op. */
export function recordOp(record: OpRecord): void {
  if (!isGradEnabled()) return;
  const rule = gradRules[record.op] as GradRule | NonDifferentiable | undefined;
  if (!rule) throw new ArgumentError(record.op, 'autograd has no gradient rule for this op');
  if (isNonDifferentiable(rule)) return;
  const attrs = record.attrs;
  recordNode({
    name: record.op,
    inputs: record.inputs,
    outputs: record.outputs,
    save: rule.save,
    backward: (context) => rule.backward({ ...context, attrs }),
  });
}

/** Adds a node for `spec` when grad mode is on and an input needs a gradient; marks its float outputs. */
export function recordNode(spec: NodeSpec): void {
  if (!isGradEnabled()) return;
  const edges = spec.inputs.map(edgeOf);
  if (edges.every((edge) => edge === null)) return;
  const isDifferentiable = spec.outputs.map((t) => isFloat(t.dtype));
  if (!isDifferentiable.some(Boolean)) return;
  const discovery = discoveries.at(-1);
  if (discovery) {
    discover(discovery, spec, edges);
    return;
  }
  const refs: NodeOutput[] = [];
  const node: GraphNode = {
    name: spec.name,
    edges,
    inputMeta: spec.inputs.map(metaOf),
    outputMeta: spec.outputs.map(metaOf),
    refs,
    outputTensors: [...spec.outputs],
    saved: { inputs: [], outputs: [] },
    isFreed: false,
    backward: spec.backward,
  };
  spec.outputs.forEach((t, index) => {
    refs.push({ node, index });
    if (isDifferentiable[index]) {
      t.requiresGrad = true;
      t.gradNode = refs[index];
    }
  });
  const save = spec.save;
  if (save === 'inputs' || save === 'both') node.saved.inputs = spec.inputs.map(saveForBackward);
  if (save === 'outputs' || save === 'both') node.saved.outputs = spec.outputs.map(saveForBackward);
  trackNode(node);
}

function discover(discovery: Discovery, spec: NodeSpec, edges: readonly (Edge | null)[]): void {
  spec.inputs.forEach((t, i) => {
    const edge = edges[i];
    if (!edge || discovery.args.has(t)) return;
    if (isNodeOutput(edge) && edge === discovery.inside) return;
    const key = edgeKey(edge);
    if (!discovery.externals.has(key)) discovery.externals.set(key, { edge, tensor: t });
  });
  for (const t of spec.outputs) {
    if (!isFloat(t.dtype)) continue;
    t.requiresGrad = true;
    t.gradNode = discovery.inside;
  }
}

function metaOf(t: Tensor): TensorMeta {
  return { shape: t.shape, dtype: t.dtype };
}
