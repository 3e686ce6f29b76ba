import type { Backend, DataId } from '../backend';
import { DisposedTensorError } from '../errors/disposed-tensor-error';
import { SyncReadError } from '../errors/sync-read-error';
import type { Tensor } from '../tensor';
import type { DType, TypedArray } from '../types';

/** One buffer, shared by every tensor that views it (reshape is free). Freed when `refs` reaches 0. */
export interface Storage {
  readonly backend: Backend;
  readonly dataId: DataId;
  readonly dtype: DType;
  readonly size: number;
  refs: number;
}

/** Counts one more handle viewing `storage`. */
export function retainStorage(storage: Storage): void {
  storage.refs++;
}

/** Drops one handle's hold on `storage`; the last one frees the backend buffer. */
export function releaseStorage(storage: Storage): void {
  if (--storage.refs === 0) storage.backend.release(storage.dataId, storage.dtype, storage.size);
}

/**
 * Reads a tensor's values synchronously as its dtype's typed array (a copy). On a backend that
 * reads only asynchronously (WebGPU) this is a `SyncReadError` naming the async call to use.
 */
export function readValues(tensor: Tensor, op = 'dataSync'): TypedArray {
  if (tensor.isDisposed) throw new DisposedTensorError(op, 'the tensor');
  const { backend, dataId, dtype, size } = tensor.storage;
  if (backend.readsAsyncOnly) throw new SyncReadError(op, backend.name);
  return backend.read(dataId, dtype, size);
}

/**
 * Reads a tensor's values as its dtype's typed array (a copy) on any backend: the backend's
 * `readAsync` where it has one, else its synchronous `read`. The tensor must stay alive until
 * the promise settles: the read is started before this returns.
 */
export function readValuesAsync(tensor: Tensor, op = 'data'): Promise<TypedArray> {
  if (tensor.isDisposed) return Promise.reject(new DisposedTensorError(op, 'the tensor'));
  const { backend, dataId, dtype, size } = tensor.storage;
  if (backend.readAsync) return backend.readAsync(dataId, dtype, size);
  try {
    return Promise.resolve(backend.read(dataId, dtype, size));
  } catch (error) {
    return Promise.reject(error);
  }
}
