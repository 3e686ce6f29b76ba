import type { NestedArray } from '../../types';

/** Nests row-major `values` into `shape`, so long expected tensors stay a few lines of numbers. */
export function shaped(shape: readonly number[], values: readonly number[]): NestedArray {
  const build = (axis: number, offset: number, stride: number): NestedArray => {
    if (axis === shape.length) return values[offset];
    const inner = stride / shape[axis];
    return Array.from({ length: shape[axis] }, (_, i) => build(axis + 1, offset + i * inner, inner));
  };
  return build(0, 0, values.length);
}
