import { readValues } from '../engine/storage';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import type { TensorSpec } from '../op-registry';
import type { Tensor } from '../tensor';

/** Index tensors are int32, so every backend reads them the same way. */
export function checkIndexDType(op: string, indices: TensorSpec): void {
  if (indices.dtype !== 'int32') {
    throw new DTypeError(op, 'indices must be int32 (use cast(indices, "int32"))', {
      indices: indices.dtype,
    });
  }
}

/**
 * Checks every index lies in [−length, length) (negative ones count from the end). Reads the
 * indices back (a copy, usually small next to the data they select) because kernels never
 * throw on values, and a silent zero row would hide the bug.
 *
 * A backend that reads only asynchronously (WebGPU) cannot be read here without stalling the
 * op; there, as on PyTorch's GPU, the values are not checked and out-of-range indices select
 * zeros (their kernels bound every read).
 */
export function checkIndexRange(op: string, indices: Tensor, length: number, axis: number): void {
  if (indices.storage.backend.readsAsyncOnly) return;
  const values = readValues(indices, op);
  for (let i = 0; i < values.length; i++) {
    if (values[i] < -length || values[i] >= length) {
      throw new ArgumentError(
        op,
        `indices[${i}] = ${values[i]} is out of range for axis ${axis} of length ${length}`,
      );
    }
  }
}
