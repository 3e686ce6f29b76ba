import { ArgumentError, clone, SyncReadError, type Tensor } from '@nagare/tensor';

/** R and T of an ONNX training operator: a number or a one-element tensor. */
export type OnnxScalar = number | Tensor;

/**
 * Reads R or T as a number. They set the fused update's learning rate, a host number, so a tensor
 * is read synchronously; on a backend that reads only asynchronously (WebGPU) pass numbers (read
 * the tensors first with `await t.itemAsync()`), else this throws `SyncReadError` saying so.
 */
export function scalarValue(op: string, name: string, value: OnnxScalar): number {
  if (typeof value !== 'number' && value.storage.backend.readsAsyncOnly)
    throw new SyncReadError(op, value.backend, `a number for ${name} (\`await ${name}.itemAsync()\`)`);
  const number = typeof value === 'number' ? value : value.item();
  if (!Number.isFinite(number))
    throw new ArgumentError(op, `${name} must be a finite number (got ${number})`);
  return number;
}

/** Checks that every per-tensor list (X, G, states) has one entry per parameter. */
export function checkLists(op: string, lists: Record<string, readonly Tensor[]>): number {
  const [first, ...rest] = Object.entries(lists);
  for (const [name, list] of rest) {
    if (list.length !== first[1].length) {
      throw new ArgumentError(
        op,
        `${name} has ${list.length} tensors but ${first[0]} has ${first[1].length}`,
      );
    }
  }
  return first[1].length;
}

/** Fresh copies of `tensors`, so the update can run in place without touching the inputs. */
export function copies(tensors: readonly Tensor[]): Tensor[] {
  return tensors.map((tensor) => clone(tensor));
}
