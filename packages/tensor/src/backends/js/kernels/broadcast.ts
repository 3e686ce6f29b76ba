import { broadcastStrides, shapesEqual } from '../../../shape';
import type { Shape } from '../../../types';

/**
 * For each flat output index, the flat index into an input of `shape` broadcast to `outShape`.
 * Returned as an Int32Array so kernels can read it in a tight loop.
 */
export function broadcastIndex(shape: Shape, outShape: Shape, outSize: number): Int32Array {
  const index = new Int32Array(outSize);
  if (shapesEqual(shape, outShape)) {
    for (let i = 0; i < outSize; i++) index[i] = i;
    return index;
  }
  const strides = broadcastStrides(shape, outShape);
  const rank = outShape.length;
  const counter = new Array<number>(rank).fill(0);
  let offset = 0;
  for (let i = 0; i < outSize; i++) {
    index[i] = offset;
    // Odometer increment over the output shape, moving the input offset by its strides.
    for (let axis = rank - 1; axis >= 0; axis--) {
      counter[axis]++;
      offset += strides[axis];
      if (counter[axis] < outShape[axis]) break;
      offset -= strides[axis] * counter[axis];
      counter[axis] = 0;
    }
  }
  return index;
}
