import {
  ArgumentError,
  DisposedTensorError,
  DTypeError,
  isFloat,
  reshape,
  shareData,
  Tensor,
} from '@nagare/tensor';
import { withGradMode } from '../grad-mode';
import { type Edge, edgeOf } from '../graph';

/** Arguments prepared for a functional transform: fresh positions to differentiate with respect to. */
export interface WatchedArgs {
  /** The arguments to call the function with (a watched handle at each watched position). */
  readonly callArgs: Tensor[];
  /** The graph identity of each watched handle, in `argnums` order. */
  readonly targets: Edge[];
  /** Frees the handles this created (call when the gradients are computed). */
  release(): void;
}

/** Checks `argnums` against the call and returns it as a list. */
export function normalizeArgnums(op: string, argnums: number | readonly number[], count: number): number[] {
  const list = typeof argnums === 'number' ? [argnums] : [...argnums];
  for (const i of list) {
    if (!Number.isInteger(i) || i < 0 || i >= count) {
      throw new ArgumentError(op, `argnums entry ${i} is out of range for ${count} argument(s)`);
    }
  }
  return list;
}

/**
 * Gives each watched argument its own handle that requires grad, so gradients are taken with
 * respect to this call only (the caller's tensor is not marked). With `connect`, an argument that
 * is itself part of a graph gets a recorded view instead, so the gradient stays differentiable
 * with respect to it (grad of grad).
 */
export function watchArgs(
  op: string,
  args: readonly unknown[],
  argnums: readonly number[],
  connect: boolean,
): WatchedArgs {
  const callArgs = [...args] as Tensor[];
  const targets: Edge[] = [];
  const created: Tensor[] = [];
  for (const i of argnums) {
    const arg = args[i];
    if (!(arg instanceof Tensor))
      throw new ArgumentError(op, `argument ${i} must be a Tensor to be differentiated, got ${typeof arg}`);
    if (arg.isDisposed) throw new DisposedTensorError(op, `argument ${i}`);
    if (!isFloat(arg.dtype)) {
      throw new DTypeError(op, `argument ${i} is not differentiable: only float tensors have gradients`, {
        [`argument ${i}`]: arg.dtype,
      });
    }
    let handle: Tensor;
    if (connect && edgeOf(arg)) {
      handle = withGradMode(true, op, () => reshape(arg, arg.shape));
    } else {
      handle = shareData(arg);
      handle.requiresGrad = true;
      created.push(handle);
    }
    callArgs[i] = handle;
    targets.push(edgeOf(handle)!);
  }
  return {
    callArgs,
    targets,
    release: () => {
      for (const handle of created) handle.dispose();
    },
  };
}

/** Replaces repeated tensor objects by views, so a caller can dispose each result on its own. */
export function distinct(tensors: Tensor[], isRecorded: boolean): Tensor[] {
  const seen = new Set<Tensor>();
  return tensors.map((t) => {
    if (!seen.has(t)) {
      seen.add(t);
      return t;
    }
    return withGradMode(isRecorded, 'distinct', () => reshape(t, t.shape));
  });
}
