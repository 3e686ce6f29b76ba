import { ArgumentError } from './errors/argument-error';
import { ShapeError } from './errors/shape-error';
import { checkedElementCount } from './size-limit';
import type { Shape } from './types';

/** Number of elements of a shape (1 for a scalar). */
export function sizeOf(shape: Shape): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/** Row-major strides of a contiguous tensor of `shape`. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i];
  }
  return strides;
}

/** True when both shapes have the same rank and lengths. */
export function shapesEqual(a: Shape, b: Shape): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Normalizes a possibly negative axis (−1 is the last) for a tensor of `rank`, or throws an
 * ArgumentError naming `op`. A scalar (rank 0) has no axes, as in NumPy.
 *
 * @example
 * normalizeAxis('sum', -1, 3); // 2
 */
export function normalizeAxis(op: string, axis: number, rank: number): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw new ArgumentError(op, `axis ${axis} is out of range for rank ${rank}`);
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Normalizes an axis list (undefined = every axis), sorted ascending and without duplicates.
 */
export function normalizeAxes(
  op: string,
  axes: number | readonly number[] | undefined,
  rank: number,
): number[] {
  if (axes === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axes === 'number' ? [axes] : axes;
  const normalized = list.map((a) => normalizeAxis(op, a, rank));
  if (new Set(normalized).size !== normalized.length) {
    throw new ArgumentError(op, `axes [${list.join(', ')}] repeat an axis`);
  }
  return normalized.sort((x, y) => x - y);
}

/** NumPy broadcasting of two shapes, or a ShapeError naming `op` and both shapes. */
export function broadcastShapes(
  op: string,
  a: Shape,
  b: Shape,
  names: [string, string] = ['a', 'b'],
): number[] {
  const rank = Math.max(a.length, b.length);
  const out = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const da = a[a.length - rank + i] ?? 1;
    const db = b[b.length - rank + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new ShapeError(op, 'shapes cannot be broadcast', { [names[0]]: a, [names[1]]: b });
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * Strides to read an input of `shape` as if broadcast to `outShape`: broadcast axes get stride 0.
 * The result has `outShape.length` entries.
 */
export function broadcastStrides(shape: Shape, outShape: Shape): number[] {
  const strides = stridesOf(shape);
  const offset = outShape.length - shape.length;
  return outShape.map((_, i) => (i < offset || shape[i - offset] === 1 ? 0 : strides[i - offset]));
}

/** Validates a shape argument: non-negative integers. */
export function checkShape(op: string, shape: readonly number[]): number[] {
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw new ArgumentError(op, `invalid shape [${shape.join(', ')}]`);
  }
  checkedElementCount(op, shape);
  return [...shape];
}
