import { type DType, isFloat, type Shape, shareData, type Tensor } from '@nagare/tensor';
import type { GradContext, InputGradients } from './grad-rule';

/** Where a gradient goes: output `index` of a recorded node, or a leaf tensor's `.grad`. */
export type Edge = NodeOutput | LeafEdge;

/** Output `index` of `node`; stored in `tensor.gradNode` of that output. */
export interface NodeOutput {
  readonly node: GraphNode;
  readonly index: number;
}

/** A leaf: a tensor that requires grad and was not computed by a recorded op. */
export interface LeafEdge {
  readonly leaf: Tensor;
}

/** One recorded op: how to send its outputs' gradients to its inputs. */
export interface GraphNode {
  /** The op name (or `customGrad` / `checkpoint`), for error messages. */
  readonly name: string;
  /** Per input: where its gradient goes, or null when it needs none. */
  readonly edges: readonly (Edge | null)[];
  /** Shape and dtype of every input, kept without keeping its data. */
  readonly inputShapes: readonly Shape[];
  readonly inputDTypes: readonly DType[];
  /** One `NodeOutput` per output: the identity gradients accumulate under. */
  readonly refs: readonly NodeOutput[];
  /** The output tensors, for their hooks and `retainGrad()`; cleared when the node is freed. */
  outputTensors: readonly Tensor[];
  /** Handles on the forward tensors the rule reads; disposed when the node is freed. */
  saved: { inputs: Tensor[]; outputs: Tensor[] };
  isFreed: boolean;
  /** The op's attributes, handed to the rule as `context.attrs`. */
  readonly attrs: unknown;
  /** The rule (never called with `this`: rules are plain functions). */
  readonly backward: (context: GradContext) => InputGradients;
}

/** The graph identity of `t`: null when it needs no gradient (float tensors only). */
export function edgeOf(t: Tensor): Edge | null {
  if (!t.requiresGrad || !isFloat(t.dtype)) return null;
  // A node output, or (on a saved handle of a leaf) the leaf it stands for; see copyIdentity.
  if (t.gradNode) return t.gradNode as Edge;
  return { leaf: t };
}

/** The key gradients of `edge` accumulate under: the leaf tensor, or the node output. */
export function edgeKey(edge: Edge): Tensor | NodeOutput {
  return 'leaf' in edge ? edge.leaf : edge;
}

/** True when `edge` leads to a recorded node (not a leaf). */
export function isNodeOutput(edge: Edge): edge is NodeOutput {
  return 'node' in edge;
}

/**
 * A handle on `t`'s buffer that no `tidy` owns and that keeps `t`'s graph identity, so a rule
 * can read it in backward and grad-of-grad still flows to where `t` came from.
 */
export function saveForBackward(t: Tensor): Tensor {
  const saved = shareData(t);
  copyIdentity(t, saved);
  return saved;
}

/**
 * Makes `target` stand for the same graph position as `source`. A new handle on a leaf must
 * still count as that leaf, so a gradient computed through it (grad of grad) reaches the leaf: it
 * carries the leaf's edge in `gradNode` (on the tensor itself; a WeakMap of aliases made every
 * young-generation collection walk its entries).
 */
export function copyIdentity(source: Tensor, target: Tensor): void {
  target.requiresGrad = source.requiresGrad;
  target.gradNode = source.gradNode ?? (source.requiresGrad ? { leaf: source } : null);
}

/** The `saved` of a node that keeps nothing (never mutated: a rule that saves gets new arrays). */
export const NOTHING_SAVED: { inputs: Tensor[]; outputs: Tensor[] } = Object.freeze({
  inputs: Object.freeze([]) as unknown as Tensor[],
  outputs: Object.freeze([]) as unknown as Tensor[],
}) as { inputs: Tensor[]; outputs: Tensor[] };

/** Disposes the node's saved tensors; a later backward through it throws GraphFreedError. */
export function freeNode(node: GraphNode): void {
  if (node.isFreed) return;
  node.isFreed = true;
  const { inputs, outputs } = node.saved;
  for (let i = 0; i < inputs.length; i++) inputs[i].dispose();
  for (let i = 0; i < outputs.length; i++) outputs[i].dispose();
  node.saved = NOTHING_SAVED;
  node.outputTensors = [];
}

const trackers: Set<GraphNode>[] = [];

/** Adds a newly recorded node to every active tracker. */
export function trackNode(node: GraphNode): void {
  for (const tracker of trackers) tracker.add(node);
}

/**
 * Runs `fn` collecting every node recorded meanwhile into `into`. A functional transform uses it
 * to free the graph it built once its results are known (see `freeUnreachable`).
 */
export function trackingNodes<T>(into: Set<GraphNode>, fn: () => T): T {
  trackers.push(into);
  try {
    return fn();
  } finally {
    trackers.splice(trackers.lastIndexOf(into), 1);
  }
}

/**
 * Frees the nodes in `nodes` that no tensor in `keep` depends on. With `createGraph` a backward
 * pass must keep its forward graph (the new gradients may read it); once a transform returns, the
 * part of that graph its results do not reach is garbage, and freeing it now keeps memory flat.
 */
export function freeUnreachable(nodes: ReadonlySet<GraphNode>, keep: readonly Tensor[]): void {
  const reached = new Set<GraphNode>();
  const stack: GraphNode[] = [];
  const visit = (edge: Edge | null) => {
    if (edge && isNodeOutput(edge) && nodes.has(edge.node) && !reached.has(edge.node)) {
      reached.add(edge.node);
      stack.push(edge.node);
    }
  };
  for (const t of keep) visit(edgeOf(t));
  while (stack.length > 0) for (const edge of stack.pop()!.edges) visit(edge);
  for (const node of nodes) if (!reached.has(node)) freeNode(node);
}
