import type { Shape } from '@nagare/tensor';
import type { WasmHeap } from '../runtime/heap';

/**
 * Writes a strided read of an input for `stridedCopy`: output `shape`, the input element stride
 * of each output axis (negative or 0 allowed) and a start offset. Length-1 axes are dropped and
 * neighbours that walk memory as one axis are merged. Returns the number of outer rows.
 * Layout (int32): rank, offset, shape[rank], strides[rank].
 */
export function writeStridedParams(
  heap: WasmHeap,
  params: number,
  shape: Shape,
  strides: readonly number[],
  offset: number,
): number {
  const lengths: number[] = [];
  const steps: number[] = [];
  for (let axis = 0; axis < shape.length; axis++) {
    if (shape[axis] === 1) continue;
    const last = lengths.length - 1;
    if (last >= 0 && steps[last] === strides[axis] * shape[axis]) {
      lengths[last] *= shape[axis];
      steps[last] = strides[axis];
    } else {
      lengths.push(shape[axis]);
      steps.push(strides[axis]);
    }
  }
  if (lengths.length === 0) {
    lengths.push(1);
    steps.push(1);
  }
  const words = heap.i32;
  let at = params >>> 2;
  words[at++] = lengths.length;
  words[at++] = offset;
  for (const d of lengths) words[at++] = d;
  for (const d of steps) words[at++] = d;
  return lengths.slice(0, -1).reduce((p, d) => p * d, 1);
}

/** Row-major element strides of `shape`. */
export function contiguousStrides(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

/** Splits `shape` around `axis` into element counts before, along and after it. */
export function splitAround(shape: Shape, axis: number): { outer: number; length: number; inner: number } {
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= shape[a];
  let inner = 1;
  for (let a = axis + 1; a < shape.length; a++) inner *= shape[a];
  return { outer, length: shape[axis], inner };
}
