import { ArgumentError, type DType, isFloat, type OpRecord, type Shape, type Tensor } from '@nagare/tensor';
import { isGradEnabled } from './grad-mode';
import {
  type GradContext,
  type GradRule,
  type InputGradients,
  isNonDifferentiable,
  type NonDifferentiable,
} from './grad-rule';
import {
  type Edge,
  edgeKey,
  edgeOf,
  type GraphNode,
  isNodeOutput,
  NOTHING_SAVED,
  type NodeOutput,
  saveForBackward,
  trackNode,
} from './graph';
import { gradRules } from './rules';

/** Everything needed to put one node in the graph (a primitive op, `customGrad` or `checkpoint`). */
export interface NodeSpec {
  readonly name: string;
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly save?: GradRule['save'];
  readonly backward: (context: GradContext) => InputGradients;
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
  // The rule itself is the node's backward and the attributes ride on the node: no closure per op.
  addNode(record.op, record.inputs, record.outputs, rule.save, record.attrs, rule.backward);
}

/** Adds a node for `spec` when grad mode is on and an input needs a gradient; marks its float outputs. */
export function recordNode(spec: NodeSpec): void {
  if (!isGradEnabled()) return;
  addNode(spec.name, spec.inputs, spec.outputs, spec.save, undefined, spec.backward);
}

// Plain loops and preallocated arrays: this runs once per recorded op, on the hot path of training.
function addNode(
  name: string,
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  save: GradRule['save'],
  attrs: unknown,
  backward: GraphNode['backward'],
): void {
  const edges: (Edge | null)[] = new Array(inputs.length);
  let hasEdge = false;
  for (let i = 0; i < inputs.length; i++) {
    const edge = edgeOf(inputs[i]);
    edges[i] = edge;
    if (edge !== null) hasEdge = true;
  }
  if (!hasEdge) return;
  let hasFloatOutput = false;
  for (let i = 0; i < outputs.length; i++) if (isFloat(outputs[i].dtype)) hasFloatOutput = true;
  if (!hasFloatOutput) return;
  const discovery = discoveries.at(-1);
  if (discovery) {
    discover(discovery, inputs, outputs, edges);
    return;
  }
  const inputShapes: Shape[] = new Array(inputs.length);
  const inputDTypes: DType[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    inputShapes[i] = inputs[i].shape;
    inputDTypes[i] = inputs[i].dtype;
  }
  const refs: NodeOutput[] = new Array(outputs.length);
  const node: GraphNode = {
    name,
    edges,
    inputShapes,
    inputDTypes,
    refs,
    outputTensors: outputs,
    saved: NOTHING_SAVED,
    isFreed: false,
    attrs,
    backward,
  };
  for (let i = 0; i < outputs.length; i++) {
    const t = outputs[i];
    refs[i] = { node, index: i };
    if (isFloat(t.dtype)) {
      t.requiresGrad = true;
      t.gradNode = refs[i];
    }
  }
  if (save !== undefined) {
    node.saved = {
      inputs: save === 'inputs' || save === 'both' ? inputs.map(saveForBackward) : [],
      outputs: save === 'outputs' || save === 'both' ? outputs.map(saveForBackward) : [],
    };
  }
  trackNode(node);
}

function discover(
  discovery: Discovery,
  inputs: readonly Tensor[],
  outputs: readonly Tensor[],
  edges: readonly (Edge | null)[],
): void {
  inputs.forEach((t, i) => {
    const edge = edges[i];
    if (!edge || discovery.args.has(t)) return;
    if (isNodeOutput(edge) && edge === discovery.inside) return;
    const key = edgeKey(edge);
    if (!discovery.externals.has(key)) discovery.externals.set(key, { edge, tensor: t });
  });
  for (const t of outputs) {
    if (!isFloat(t.dtype)) continue;
    t.requiresGrad = true;
    t.gradNode = discovery.inside;
  }
}
