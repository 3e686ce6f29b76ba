import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { checkedElementCount } from '../size-limit';
import { Tensor } from '../tensor';
import type { DType, Shape, TypedArray } from '../types';
import { getBackend } from './active-backend';
import { leaveScope, scopeStack, trackHandle } from './lifetime';
import { retainStorage, type Storage } from './storage';

/** Wraps a storage in a new tensor handle, tracked by the innermost `tidy`. */
export function wrapStorage(storage: Storage, shape: Shape, dtype: DType, isTracked = true): Tensor {
  const tensor = new Tensor(shape, dtype, storage);
  trackHandle(tensor, isTracked);
  return tensor;
}

/** Allocates a new tensor holding `values` (already converted to `dtype`'s array type). */
export function fromValues(values: TypedArray, shape: Shape, dtype: DType, backend = getBackend()): Tensor {
  const size = checkedElementCount('tensor', shape);
  const dataId = backend.allocate(dtype, size, 'tensor');
  if (size > 0) backend.write(dataId, values);
  return wrapStorage({ backend, dataId, dtype, size, refs: 1 }, shape, dtype);
}

/**
 * A new handle to the same buffer, not owned by any `tidy` scope (unless `isTracked`): it lives
 * until disposed. Autograd uses it to keep tensors saved for the backward pass.
 */
export function shareData(tensor: Tensor, shape: Shape = tensor.shape, isTracked = false): Tensor {
  if (tensor.isDisposed) throw new DisposedTensorError('shareData', 'the tensor');
  retainStorage(tensor.storage);
  return wrapStorage(tensor.storage, shape, tensor.dtype, isTracked);
}

/**
 * True when the innermost `tidy` owns `tensor` (it was made inside and not kept) and no other
 * handle shares its buffer: nothing else can see its values, so `keep(tensor)` may adopt it where
 * a copy would otherwise be made. Autograd uses it to store a fresh gradient as `.grad` as is.
 *
 * @example
 * tidy(() => { const g = x.mul(2); return isAdoptable(g); }); // true
 */
export function isAdoptable(tensor: Tensor): boolean {
  return (
    !tensor.isDisposed &&
    scopeStack.length > 0 &&
    tensor.tidyScope === scopeStack[scopeStack.length - 1] &&
    tensor.storage.refs === 1
  );
}

/**
 * True when the innermost `tidy` scope owns `tensor` (it was made inside that scope), so the
 * scope would free it. Code that returns tensors from a `tidy` and frees them itself later (a
 * training step that awaits a read in between) uses it to tell what it made from what it was given.
 *
 * @example
 * tidy(() => [isInCurrentScope(x.mul(2)), isInCurrentScope(x)]); // [true, false] for an outside x
 */
export function isInCurrentScope(tensor: Tensor): boolean {
  return scopeStack.length > 0 && tensor.tidyScope === scopeStack[scopeStack.length - 1];
}

/** Removes `tensor` from every enclosing `tidy` scope so it outlives them. Returns it. */
export function keep<T extends Tensor>(tensor: T): T {
  leaveScope(tensor);
  return tensor;
}
