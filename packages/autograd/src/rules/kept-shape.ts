import type { Shape } from '@nagare/tensor';

/** The shape a reduction over `axes` has with keepDims: `shape` with each reduced axis set to 1. */
export function keptShape(shape: Shape, axes: readonly number[]): number[] {
  return shape.map((d, axis) => (axes.includes(axis) ? 1 : d));
}
