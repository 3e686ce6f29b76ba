import {
  add,
  assign,
  clone,
  isAdoptable,
  isFloat,
  keep,
  ShapeError,
  shapesEqual,
  Tensor,
  zeros,
} from '@nagare/tensor';
import { GraphFreedError } from './errors/graph-freed-error';
import { withGradMode } from './grad-mode';
import { type Edge, edgeKey, edgeOf, freeNode, type GraphNode, isNodeOutput, type NodeOutput } from './graph';
import { fitToInput } from './sum-to-shape';

type Key = Tensor | NodeOutput;

/** One run of the backward pass. */
export interface BackwardPass {
  /** The tensors to differentiate (each must have a graph identity). */
  readonly roots: readonly Tensor[];
  /** The upstream gradient of each root, at its shape. */
  readonly rootGradients: readonly Tensor[];
  /** Record the pass, so the gradients can be differentiated again. */
  readonly createGraph: boolean;
  /** Keep saved tensors, so backward can run through the graph again. */
  readonly retainGraph: boolean;
  /**
   * Return the gradients of these positions instead of accumulating into leaves' `.grad`
   * (functional style); when absent, every leaf and `retainGrad()` tensor gets its `.grad`.
   */
  readonly targets?: readonly Edge[];
  /** Treat targets as the end of the graph: never run the ops that produced them (checkpoint). */
  readonly stopAtTargets?: boolean;
  /** The public function the user called, for error messages. */
  readonly op: string;
}

/**
 * Runs the backward pass: visits the graph from the roots in reverse topological order, calls
 * each node's rule once with its outputs' summed gradients, and frees each node after use unless
 * `retainGraph`. Call inside `tidy`: everything it creates and does not store is disposable.
 * Returns the gradient of each target (null where none flowed).
 */
export function runBackward(pass: BackwardPass): (Tensor | null)[] {
  return withGradMode(pass.createGraph, pass.op, () => {
    const targetKeys = new Set(pass.targets?.map(edgeKey));
    const isAccumulating = pass.targets === undefined;
    const isSink = (edge: Edge) => pass.stopAtTargets === true && targetKeys.has(edgeKey(edge));
    const { order, isNeeded } = plan(pass.roots, isAccumulating, targetKeys, isSink);
    const wants = (edge: Edge | null): edge is Edge =>
      edge !== null &&
      (isAccumulating ||
        targetKeys.has(edgeKey(edge)) ||
        (isNodeOutput(edge) && !isSink(edge) && isNeeded(edge.node)));
    const buffers = new Map<Key, Tensor>();
    pass.roots.forEach((root, i) => {
      accumulate(buffers, edgeKey(edgeOf(root)!), pass.rootGradients[i]);
    });
    for (const node of order) {
      runNode(node, buffers, wants, pass, isAccumulating);
      if (!pass.retainGraph) freeNode(node);
    }
    const leafUses = isAccumulating ? countLeafGradients(buffers) : null;
    buffers.forEach((g, key) => {
      if (!(key instanceof Tensor)) return;
      if (isAccumulating) {
        const hooked = runHooks(key, g);
        // A gradient this pass made, that reaches one leaf only and shares no buffer, becomes
        // `.grad` as is instead of being copied (as PyTorch steals a gradient nothing else holds).
        const isFresh = hooked === g && leafUses?.get(g) === 1 && isAdoptable(g);
        storeGradient(key, hooked, pass.createGraph, isFresh);
      } else if (targetKeys.has(key)) buffers.set(key, runHooks(key, g));
    });
    return (pass.targets ?? []).map((edge) => buffers.get(edgeKey(edge)) ?? null);
  });
}

/** Reverse topological order of the nodes the pass must run (iterative: graphs can be deep). */
function plan(
  roots: readonly Tensor[],
  isAccumulating: boolean,
  targetKeys: ReadonlySet<Key>,
  isSink: (edge: Edge) => boolean,
): { order: GraphNode[]; isNeeded: (node: GraphNode) => boolean } {
  const needed = new Map<GraphNode, boolean>();
  const postOrder: GraphNode[] = [];
  const stack: { node: GraphNode; next: number }[] = [];
  const visit = (edge: Edge | null) => {
    if (!edge || !isNodeOutput(edge) || isSink(edge) || needed.has(edge.node)) return;
    needed.set(edge.node, false);
    stack.push({ node: edge.node, next: 0 });
  };
  for (const root of roots) visit(edgeOf(root));
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.node.edges.length) {
      visit(top.node.edges[top.next++]);
      continue;
    }
    stack.pop();
    const leadsOn = top.node.edges.some(
      (edge) =>
        edge !== null &&
        (targetKeys.has(edgeKey(edge)) || (isNodeOutput(edge) && needed.get(edge.node) === true)),
    );
    needed.set(top.node, isAccumulating || leadsOn);
    postOrder.push(top.node);
  }
  const order = postOrder.filter((node) => needed.get(node)).reverse();
  return { order, isNeeded: (node) => needed.get(node) === true };
}

// Plain loops over preallocated arrays: this runs once per node of every backward pass.
function runNode(
  node: GraphNode,
  buffers: Map<Key, Tensor>,
  wants: (edge: Edge | null) => edge is Edge,
  pass: BackwardPass,
  isAccumulating: boolean,
): void {
  const count = node.refs.length;
  const dys: (Tensor | null)[] = new Array(count);
  let hasGradient = false;
  for (let i = 0; i < count; i++) {
    const dy = buffers.get(node.refs[i]) ?? null;
    dys[i] = dy;
    if (dy !== null) hasGradient = true;
  }
  if (!hasGradient) return;
  if (node.isFreed) throw new GraphFreedError(pass.op, node.name);
  for (let i = 0; i < count; i++) {
    const dy = dys[i];
    const output = node.outputTensors[i];
    if (dy === null) {
      // Outputs stay readable (shape, dtype) even once disposed; the node is not freed here.
      if (output && isFloat(output.dtype)) dys[i] = zeros(output.shape, { dtype: output.dtype });
      continue;
    }
    if (!output) continue;
    const hooked = output.gradHooks.length > 0 ? runHooks(output, dy) : dy;
    if (hooked !== dy) buffers.set(node.refs[i], hooked);
    dys[i] = hooked;
    if (isAccumulating && output.isRetainingGrad) storeGradient(output, hooked, pass.createGraph);
  }
  const edges = node.edges;
  const needsGrad: boolean[] = new Array(edges.length);
  for (let j = 0; j < edges.length; j++) needsGrad[j] = wants(edges[j]);
  const gradients = node.backward({
    dy: dys[0] as Tensor,
    dys,
    inputs: node.saved.inputs,
    outputs: node.saved.outputs,
    attrs: node.attrs as never,
    inputShapes: node.inputShapes,
    inputDTypes: node.inputDTypes,
    needsGrad,
  });
  for (let j = 0; j < edges.length; j++) {
    const g = gradients[j];
    const edge = edges[j];
    if (!needsGrad[j] || !g || !edge) continue;
    accumulate(buffers, edgeKey(edge), fitToInput(g, node.inputShapes[j], node.inputDTypes[j], node.name));
  }
}

function accumulate(buffers: Map<Key, Tensor>, key: Key, g: Tensor): void {
  const previous = buffers.get(key);
  buffers.set(key, previous ? add(previous, g) : g);
}

/** Calls `t`'s hooks in order; a hook that returns a tensor replaces the gradient. */
function runHooks(t: Tensor, g: Tensor): Tensor {
  let current = g;
  for (const hook of [...t.gradHooks]) {
    const replaced = hook(current);
    if (replaced instanceof Tensor) {
      if (!shapesEqual(replaced.shape, current.shape)) {
        throw new ShapeError('registerHook', 'a hook must return a gradient of the same shape', {
          gradient: current.shape,
          returned: replaced.shape,
        });
      }
      current = replaced;
    }
  }
  return current;
}

/** How many leaves each gradient handle is about to be stored into (one handle may reach two). */
function countLeafGradients(buffers: Map<Key, Tensor>): Map<Tensor, number> {
  const uses = new Map<Tensor, number>();
  buffers.forEach((g, key) => {
    if (key instanceof Tensor) uses.set(g, (uses.get(g) ?? 0) + 1);
  });
  return uses;
}

/**
 * Adds `g` into `t.grad`. The first gradient is copied (or adopted when `isFresh`: nothing else
 * holds it), so `.grad` never shares a buffer with another tensor; later ones are added in place,
 * so references to `.grad` stay valid. With `createGraph` the sum is recorded instead and `.grad`
 * becomes a new tensor (the old one is freed).
 */
function storeGradient(t: Tensor, g: Tensor, createGraph: boolean, isFresh = false): void {
  const current = t.grad;
  if (!current || current.isDisposed) {
    t.grad = keep(isFresh && !createGraph ? g : clone(g));
  } else if (createGraph || current.requiresGrad) {
    t.grad = keep(add(current, g));
    current.dispose();
  } else {
    assign(current, add(current, g));
  }
}
