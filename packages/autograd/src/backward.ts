import {
  ArgumentError,
  type BackwardOptions,
  DisposedTensorError,
  DTypeError,
  isFloat,
  onesLike,
  ShapeError,
  shapesEqual,
  type Tensor,
  tidy,
} from '@nagare/tensor';
import { runBackward } from './backward-engine';

/**
 * Checks that `root` can be differentiated: a live float tensor that requires grad. `op` names the
 * function the user called.
 */
export function checkDifferentiable(op: string, root: Tensor, what = 'the tensor'): void {
  if (root.isDisposed) throw new DisposedTensorError(op, what);
  if (!isFloat(root.dtype)) {
    throw new DTypeError(
      op,
      `${what} is not differentiable: integer and bool results (argmax, comparisons, casts) have no gradient`,
      {
        [what]: root.dtype,
      },
    );
  }
}

/** Checks an explicit upstream gradient against the tensor it belongs to. */
export function checkUpstream(op: string, root: Tensor, gradient: Tensor): void {
  if (gradient.isDisposed) throw new DisposedTensorError(op, 'gradient');
  if (!shapesEqual(gradient.shape, root.shape)) {
    throw new ShapeError(op, 'gradient must have the shape of the tensor', {
      tensor: root.shape,
      gradient: gradient.shape,
    });
  }
  if (!isFloat(gradient.dtype))
    throw new DTypeError(op, 'gradient must be a float tensor', { gradient: gradient.dtype });
}

/**
 * `tensor.backward(gradient?, { retainGraph, createGraph })`: accumulates d(root)/d(leaf) into
 * every leaf's `.grad` (and every `retainGrad()` tensor's), then frees the graph unless
 * `retainGraph` (which defaults to `createGraph`).
 */
export function backward(root: Tensor, gradient: Tensor | undefined, options: BackwardOptions = {}): void {
  checkDifferentiable('backward', root);
  if (!root.requiresGrad) {
    throw new ArgumentError(
      'backward',
      'the tensor does not require grad: none of the tensors it was computed from has requiresGrad ' +
        '(create leaves with { requiresGrad: true } or call requiresGrad_()), or it was computed under noGrad',
    );
  }
  if (gradient === undefined && root.size !== 1) {
    throw new ShapeError(
      'backward',
      'a gradient can be implied only for a one-element tensor: pass backward(gradient)',
      {
        tensor: root.shape,
      },
    );
  }
  if (gradient) checkUpstream('backward', root, gradient);
  const createGraph = options.createGraph ?? false;
  tidy(() => {
    runBackward({
      op: 'backward',
      roots: [root],
      rootGradients: [gradient ?? onesLike(root)],
      createGraph,
      retainGraph: options.retainGraph ?? createGraph,
    });
  });
}
