import { ArgumentError, getDefaultGenerator, reshape, shareData, Tensor, tidy } from '@nagare/tensor';
import { runBackward } from '../backward-engine';
import { isGradEnabled, withGradMode } from '../grad-mode';
import type { InputGradients } from '../grad-rule';
import { type Edge, freeUnreachable, type GraphNode, type NodeOutput, trackingNodes } from '../graph';
import { type Discovery, recordNode, withDiscovery } from '../recorder';
import { watchArgs } from './watch-args';

/**
 * Wraps `fn` so that its intermediate activations are not kept for the backward pass: the forward
 * pass records nothing inside fn, and backward runs fn again (with the default random generator
 * rewound, so dropout draws the same mask) to get them. Trades compute for memory. Tensors fn
 * reads from its closure (weights) get their gradients too and must stay alive until backward.
 *
 * @example
 * const block = checkpoint((x: Tensor) => relu(matmul(relu(matmul(x, w1)), w2)));
 * sum(block(x)).backward(); // w1.grad, w2.grad as without checkpoint
 */
export function checkpoint<A extends Tensor[]>(fn: (...xs: A) => Tensor): (...xs: A) => Tensor {
  return (...xs: A) => {
    if (!isGradEnabled()) return fn(...xs);
    const rngState = getDefaultGenerator().state;
    const { output, discovery } = discover(fn, xs);
    const externals = [...discovery.externals.values()];
    recordNode({
      name: 'checkpoint',
      inputs: [...xs, ...externals.map((external) => external.tensor)],
      outputs: [output],
      save: 'inputs',
      backward: ({ dy, inputs, needsGrad }) => {
        // The state carries the key, so this replays the forward stream even after manualSeed.
        const generator = getDefaultGenerator();
        const current = generator.state;
        generator.state = rngState;
        try {
          return recompute(
            fn,
            inputs.slice(0, xs.length),
            externals.map((e) => e.edge),
            dy,
            needsGrad,
          );
        } finally {
          generator.state = current;
        }
      },
    });
    return output;
  };
}

/** Runs fn without recording, collecting the outside tensors it reads that need gradients. */
function discover<A extends Tensor[]>(
  fn: (...xs: A) => Tensor,
  xs: A,
): { output: Tensor; discovery: Discovery } {
  xs.forEach((x, i) => {
    if (!(x instanceof Tensor))
      throw new ArgumentError('checkpoint', `argument ${i} must be a Tensor, got ${typeof x}`);
  });
  const handles = xs.map((x) => {
    const handle = shareData(x);
    handle.requiresGrad = x.requiresGrad;
    return handle;
  });
  const discovery: Discovery = { inside: insideMarker(), args: new Set(handles), externals: new Map() };
  try {
    const output = tidy(() => {
      const y = withDiscovery(discovery, () => fn(...(handles as A)));
      if (!(y instanceof Tensor))
        throw new ArgumentError('checkpoint', `the function must return a Tensor, got ${typeof y}`);
      return withGradMode(false, 'checkpoint', () => reshape(y, y.shape));
    });
    return { output, discovery };
  } finally {
    for (const handle of handles) handle.dispose();
  }
}

/** Recomputes fn with recording on and back-propagates dy to its arguments and outside inputs. */
function recompute<A extends Tensor[]>(
  fn: (...xs: A) => Tensor,
  args: readonly Tensor[],
  externals: readonly Edge[],
  dy: Tensor,
  needsGrad: readonly boolean[],
): InputGradients {
  const createGraph = isGradEnabled();
  const watchedNums = args.flatMap((_, i) => (needsGrad[i] ? [i] : []));
  const watched = watchArgs('checkpoint', args, watchedNums, createGraph);
  const recorded = new Set<GraphNode>();
  let kept: Tensor[] = [];
  try {
    const y = trackingNodes(recorded, () =>
      withGradMode(true, 'checkpoint', () => fn(...(watched.callArgs as A))),
    );
    if (!y.requiresGrad) return [];
    const found = trackingNodes(recorded, () =>
      runBackward({
        op: 'checkpoint',
        roots: [y],
        rootGradients: [dy],
        targets: [...watched.targets, ...externals],
        stopAtTargets: true,
        createGraph,
        retainGraph: createGraph,
      }),
    );
    if (createGraph) kept = found.filter((g): g is Tensor => g !== null);
    const byArg = new Map(watchedNums.map((i, k) => [i, found[k]]));
    return [...args.map((_, i) => byArg.get(i) ?? null), ...found.slice(watchedNums.length)];
  } finally {
    freeUnreachable(recorded, kept);
    watched.release();
  }
}

// Outputs computed inside a checkpointed function during its forward pass point here; the node is
// never run (it is born freed), so a stray backward through them fails loudly.
function insideMarker(): NodeOutput {
  const refs: NodeOutput[] = [];
  const node: GraphNode = {
    name: 'checkpoint (inside the forward pass)',
    edges: [],
    inputShapes: [],
    inputDTypes: [],
    refs,
    outputTensors: [],
    saved: { inputs: [], outputs: [] },
    isFreed: true,
    attrs: undefined,
    backward: () => [],
  };
  refs.push({ node, index: 0 });
  return refs[0];
}
