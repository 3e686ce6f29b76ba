import { NagareError } from './nagare-error';

/**
 * A synchronous read (`dataSync`, `toArray`, `item`) of a tensor on a backend whose memory can
 * only be read asynchronously (WebGPU: a GPU buffer is mapped for reading in a later task).
 */
export class SyncReadError extends NagareError {
  readonly code = 'SYNC_READ';

  constructor(
    readonly op: string,
    readonly backend: string,
    /** The call to use instead, when it is not one of the tensor's async reads. */
    instead?: string,
  ) {
    super(
      `${op}: the ${backend} backend reads tensors asynchronously; use ${instead ?? asyncEquivalent(op)} instead`,
    );
  }
}

function asyncEquivalent(op: string): string {
  if (op === 'toArray') return '`await tensor.toArrayAsync()`';
  if (op === 'item') return '`await tensor.itemAsync()`';
  if (op === 'dataSync') return '`await tensor.data()`';
  return '`await tensor.data()` (or `toArrayAsync()`, `itemAsync()`)';
}
