import type { JsKernel } from '../kernel-types';

/** Splits a shape around `axis` into (outer, length, inner) element counts. */
export function splitAround(
  shape: readonly number[],
  axis: number,
): { outer: number; length: number; inner: number } {
  let outer = 1;
  for (let a = 0; a < axis; a++) outer *= shape[a];
  let inner = 1;
  for (let a = axis + 1; a < shape.length; a++) inner *= shape[a];
  return { outer, length: shape[axis], inner };
}

// The op validates index ranges before dispatch; an out-of-range index here still writes zeros
// rather than reading another row, so a direct runOp call cannot read out of bounds.
export const gatherKernel: JsKernel<'gather'> = ([x, indices], { axis }, [y]) => {
  const { outer, length, inner } = splitAround(x.shape, axis);
  const count = indices.data.length;
  for (let o = 0; o < outer; o++) {
    for (let j = 0; j < count; j++) {
      const raw = indices.data[j];
      const row = raw < 0 ? raw + length : raw;
      const target = (o * count + j) * inner;
      if (row < 0 || row >= length) y.data.fill(0, target, target + inner);
      // A subarray per element costs more than the copy when rows are single values (take along the last axis).
      else if (inner === 1) y.data[target] = x.data[o * length + row];
      else y.data.set(x.data.subarray((o * length + row) * inner, (o * length + row + 1) * inner), target);
    }
  }
};
