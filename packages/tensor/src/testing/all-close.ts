import { Tensor } from '../tensor';
import type { NestedArray } from '../types';

/** Tolerances: |actual − expected| ≤ atol + rtol·|expected| (NaN equals NaN; ±∞ must match exactly). */
export interface Tolerance {
  rtol?: number;
  atol?: number;
}

/** Flattens a nested array (or tensor) into numbers and its shape. */
export function flattenValues(value: Tensor | NestedArray | ArrayLike<number>): {
  values: number[];
  shape: number[];
} {
  if (value instanceof Tensor)
    return { values: Array.from(value.dataSync(), Number), shape: [...value.shape] };
  if (typeof value === 'number' || typeof value === 'boolean') return { values: [Number(value)], shape: [] };
  if (!Array.isArray(value))
    return { values: Array.from(value as ArrayLike<number>), shape: [(value as ArrayLike<number>).length] };
  const shape: number[] = [];
  let level: NestedArray = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  return { values: (value as unknown[]).flat(Number.POSITIVE_INFINITY).map(Number), shape };
}

/** Compares values elementwise; returns null when close, else a message naming the worst element. */
export function compareAllClose(
  actual: Tensor | NestedArray | ArrayLike<number>,
  expected: Tensor | NestedArray | ArrayLike<number>,
  { rtol = 1e-5, atol = 1e-7 }: Tolerance = {},
): string | null {
  const a = flattenValues(actual);
  const e = flattenValues(expected);
  // A plain number or boolean expects a scalar (shape []); a flat typed array leaves the shape open.
  const isShapeKnown =
    actual instanceof Tensor &&
    (expected instanceof Tensor ||
      Array.isArray(expected) ||
      typeof expected === 'number' ||
      typeof expected === 'boolean');
  if (isShapeKnown && a.shape.join() !== e.shape.join())
    return `shape [${a.shape}] differs from expected [${e.shape}]`;
  if (a.values.length !== e.values.length) return `${a.values.length} values, expected ${e.values.length}`;
  let worst = -1;
  let worstExcess = 0;
  for (let i = 0; i < a.values.length; i++) {
    const x = a.values[i];
    const y = e.values[i];
    if (
      Number.isNaN(y)
        ? Number.isNaN(x)
        : !Number.isFinite(y)
          ? x === y
          : Math.abs(x - y) <= atol + rtol * Math.abs(y)
    )
      continue;
    const excess = Number.isFinite(x - y) ? Math.abs(x - y) - rtol * Math.abs(y) : Infinity;
    if (worst < 0 || excess > worstExcess) {
      worst = i;
      worstExcess = excess;
    }
  }
  return worst < 0
    ? null
    : `element ${worst}: got ${a.values[worst]}, want ${e.values[worst]} (rtol ${rtol}, atol ${atol})`;
}

/** Throws an Error with the worst mismatch when `actual` is not close to `expected`. */
export function expectAllClose(
  actual: Tensor | NestedArray | ArrayLike<number>,
  expected: Tensor | NestedArray | ArrayLike<number>,
  tolerance?: Tolerance,
): void {
  const problem = compareAllClose(actual, expected, tolerance);
  if (problem) throw new Error(`values differ: ${problem}`);
}
