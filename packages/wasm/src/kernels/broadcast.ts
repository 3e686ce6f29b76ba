import type { Shape } from '@nagare/tensor';
import type { WasmHeap } from '../runtime/heap';

/**
 * Describes a broadcast elementwise op for the strided kernels: drops length-1 output axes,
 * merges neighbouring axes every operand walks contiguously (or all repeat), and writes
 * `rank, shape[rank], strides[operand][rank]` (int32, element strides, 0 = broadcast) at `params`.
 * Returns the number of outer rows (the product of all but the innermost merged axis).
 */
export function writeBroadcastParams(
  heap: WasmHeap,
  params: number,
  outShape: Shape,
  operands: readonly Shape[],
): number {
  const shape: number[] = [];
  const strides: number[][] = operands.map(() => []);
  const full = operands.map((s) => broadcastStrides(s, outShape));
  for (let axis = 0; axis < outShape.length; axis++) {
    const length = outShape[axis];
    if (length === 1) continue;
    const last = shape.length - 1;
    const canMerge = last >= 0 && full.every((s, k) => strides[k][last] === s[axis] * length);
    if (canMerge) {
      shape[last] *= length;
      full.forEach((s, k) => {
        strides[k][last] = s[axis];
      });
    } else {
      shape.push(length);
      full.forEach((s, k) => {
        strides[k].push(s[axis]);
      });
    }
  }
  if (shape.length === 0) {
    shape.push(1);
    for (const s of strides) s.push(0);
  }
  const words = heap.i32;
  let at = params >>> 2;
  words[at++] = shape.length;
  for (const d of shape) words[at++] = d;
  for (const s of strides) for (const d of s) words[at++] = d;
  return shape.slice(0, -1).reduce((p, d) => p * d, 1);
}

/** Element strides to read an operand of `shape` broadcast to `outShape` (0 on broadcast axes). */
function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const result = new Array<number>(outShape.length).fill(0);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const axis = outShape.length - shape.length + i;
    result[axis] = shape[i] === 1 ? 0 : stride;
    stride *= shape[i];
  }
  return result;
}
