import type { Shape, TypedArray } from '../../../types';

/**
 * Fills `out` with the values of a strided view of `source`: walking an array of `shape` in
 * row-major order, one step along axis a moves `strides[a]` elements through `source`, starting at
 * `offset`. Slices, transposes and broadcasts are all such views.
 */
export function stridedCopy(
  source: TypedArray,
  offset: number,
  strides: readonly number[],
  shape: Shape,
  out: TypedArray,
): void {
  const rank = shape.length;
  const counter = new Array<number>(rank).fill(0);
  let position = offset;
  for (let i = 0; i < out.length; i++) {
    out[i] = source[position];
    // Odometer increment: the last axis turns fastest; a full turn carries into the axis before it.
    for (let axis = rank - 1; axis >= 0; axis--) {
      counter[axis]++;
      position += strides[axis];
      if (counter[axis] < shape[axis]) break;
      position -= strides[axis] * counter[axis];
      counter[axis] = 0;
    }
  }
}
