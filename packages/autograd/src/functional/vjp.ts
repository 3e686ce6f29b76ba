import { ArgumentError, reshape, Tensor, tidy, zerosLike } from '@nagare/tensor';
import { checkDifferentiable, checkUpstream } from '../backward';
import { runBackward } from '../backward-engine';
import { GraphFreedError } from '../errors/graph-freed-error';
import { isGradEnabled, withGradMode } from '../grad-mode';
import { edgeOf, freeUnreachable, type GraphNode, saveForBackward, trackingNodes } from '../graph';
import { distinct, type WatchedArgs, watchArgs } from './watch-args';

/** Options of a pullback call. */
export interface PullbackOptions {
  /** Keep the graph so the pullback can be called again (default false). */
  retainGraph?: boolean;
}

/** Maps an upstream gradient dy (the value's shape) to one gradient per input (each its input's shape). */
export type Pullback = (dy: Tensor, options?: PullbackOptions) => Tensor[];

/**
 * Evaluates `f(...xs)` and returns its value with the pullback: the vector–Jacobian product
 * dy ↦ (dyᵀ·∂f/∂x₀, dyᵀ·∂f/∂x₁, …) for any upstream dy of the value's shape. f may return any shape.
 * The graph is freed by the first pullback call unless it passes `{ retainGraph: true }` (a
 * pullback never called leaves its graph to the garbage collector).
 *
 * @example
 * const [y, pullback] = vjp((a: Tensor, b: Tensor) => mul(a, b), tensor([1, 2]), tensor([3, 4]));
 * const [da, db] = pullback(tensor([1, 1])); // [3, 4], [1, 2]
 */
export function vjp(f: (...xs: Tensor[]) => Tensor, ...xs: Tensor[]): [Tensor, Pullback] {
  const argnums = xs.map((_, i) => i);
  const createGraph = isGradEnabled() && xs.some((x) => x instanceof Tensor && edgeOf(x) !== null);
  let watched: WatchedArgs | undefined;
  let root: Tensor;
  let value: Tensor;
  // Every node this vjp records; freed (except what the gradients need) when the graph is released.
  const recorded = new Set<GraphNode>();
  try {
    [value, root] = trackingNodes(recorded, () =>
      tidy(() => {
        watched = watchArgs('vjp', xs, argnums, createGraph);
        const y = withGradMode(true, 'vjp', () => f(...watched!.callArgs));
        if (!(y instanceof Tensor))
          throw new ArgumentError('vjp', `the function must return a Tensor, got ${typeof y}`);
        checkDifferentiable('vjp', y, 'the function result');
        return [withGradMode(createGraph, 'vjp', () => reshape(y, y.shape)), saveForBackward(y)];
      }),
    );
  } catch (error) {
    freeUnreachable(recorded, []);
    watched?.release();
    throw error;
  }
  let isReleased = false;
  const pullback: Pullback = (dy, options = {}) => {
    if (isReleased) throw new GraphFreedError('vjp', 'this vjp');
    checkUpstream('vjp', root, dy);
    const grads = trackingNodes(recorded, () =>
      tidy(() => {
        const found = edgeOf(root)
          ? runBackward({
              op: 'vjp',
              roots: [root],
              rootGradients: [dy],
              targets: watched!.targets,
              createGraph,
              retainGraph: options.retainGraph ?? createGraph,
            })
          : xs.map(() => null);
        return distinct(
          found.map((g, i) => g ?? zerosLike(xs[i])),
          createGraph,
        );
      }),
    );
    if (!options.retainGraph) {
      isReleased = true;
      freeUnreachable(recorded, createGraph ? [value, ...grads] : []);
      watched!.release();
      root.dispose();
    }
    return grads;
  };
  return [value, pullback];
}
