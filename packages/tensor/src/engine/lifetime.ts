import type { Tensor } from '../tensor';
import { releaseStorage, type Storage } from './storage';

// The bookkeeping of tensor handles: how many are alive, which `tidy` scope owns each, and the
// FinalizationRegistry safety net. It needs Tensor only as a type, so tensor.ts can dispose
// itself through it without importing the layers above (dispatch, tidy).

/** Live handles, on every backend. */
let liveTensors = 0;

/** The `tidy` scopes, innermost last; `tidy.ts` pushes and pops them. */
export const scopeStack: Set<Tensor>[] = [];

/** The number of live tensor handles. */
export function liveTensorCount(): number {
  return liveTensors;
}

// Safety net: a tensor that is garbage-collected without dispose() still frees its buffer.
const finalizer = new FinalizationRegistry<Storage>((storage) => {
  liveTensors--;
  releaseStorage(storage);
});

// Registering a handle with the FinalizationRegistry, and unregistering it on dispose, cost more
// than the rest of a small op, yet most tensors are disposed (by tidy or dispose()) in the job
// that made them. So a new handle waits in `pending`, and a microtask at the end of the job
// registers those still alive. The list holds them until then, so none is collected unregistered
// and the safety net covers every tensor as before; a dropped handle just lives to the end of its
// job, as its buffer did anyway (finalizers only run between jobs). A list (not a set) makes the
// common path a push and a flag; disposed entries are swept out when they pile up, so a long
// synchronous loop does not grow it.
const pending: Tensor[] = [];
let pendingDisposed = 0;
let isRegistrationQueued = false;
const SWEEP_AT = 256;

function registerSurvivors(): void {
  isRegistrationQueued = false;
  for (const tensor of pending) {
    if (tensor.isDisposed) continue;
    finalizer.register(tensor, tensor.storage, tensor);
    tensor.isFinalizerRegistered = true;
  }
  pending.length = 0;
  pendingDisposed = 0;
}

function sweepPending(): void {
  let kept = 0;
  for (const tensor of pending) if (!tensor.isDisposed) pending[kept++] = tensor;
  pending.length = kept;
  pendingDisposed = 0;
}

/** Counts a new handle, puts it under the safety net and in the innermost `tidy` scope (if tracked). */
export function trackHandle(tensor: Tensor, isTracked: boolean): void {
  liveTensors++;
  pending.push(tensor);
  if (!isRegistrationQueued) {
    isRegistrationQueued = true;
    queueMicrotask(registerSurvivors);
  }
  if (isTracked && scopeStack.length > 0) {
    const scope = scopeStack[scopeStack.length - 1];
    scope.add(tensor);
    tensor.tidyScope = scope;
  }
}

/** Takes `tensor` out of the `tidy` scope that owns it (a tensor is in one scope at most). */
export function leaveScope(tensor: Tensor): void {
  if (tensor.tidyScope === null) return;
  tensor.tidyScope.delete(tensor);
  tensor.tidyScope = null;
}

/** Frees a tensor handle; its buffer goes when no other handle shares it. Idempotent. */
export function disposeTensor(tensor: Tensor): void {
  if (tensor.isDisposed) return;
  tensor.markDisposed();
  if (tensor.isFinalizerRegistered) finalizer.unregister(tensor);
  else if (++pendingDisposed >= SWEEP_AT && pendingDisposed * 2 >= pending.length) sweepPending();
  liveTensors--;
  leaveScope(tensor);
  releaseStorage(tensor.storage);
}
