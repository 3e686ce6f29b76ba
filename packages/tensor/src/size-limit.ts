import { ArgumentError } from './errors/argument-error';
import { ShapeError } from './errors/shape-error';
import { SizeLimitError } from './errors/size-limit-error';
import type { Shape } from './types';

/**
 * The default allocation limit: 2^28 elements (1 GiB of float32). Large enough for any model this
 * library trains, small enough that a corrupt header fails fast instead of exhausting memory.
 */
export const DEFAULT_MAX_ELEMENTS = 2 ** 28;

let maxElements = DEFAULT_MAX_ELEMENTS;

/** The largest element count one tensor may have; every allocation is checked against it first. */
export function getMaxElements(): number {
  return maxElements;
}

/**
 * Sets the per-tensor element limit (a positive integer up to 2^32, the largest typed array this
 * library allocates). Returns the previous limit so a caller can restore it.
 *
 * @example
 * const previous = setMaxElements(2 ** 30);
 * try { big(); } finally { setMaxElements(previous); }
 */
export function setMaxElements(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 2 ** 32) {
    throw new ArgumentError('setMaxElements', `limit must be an integer in [1, 2^32], got ${limit}`);
  }
  const previous = maxElements;
  maxElements = limit;
  return previous;
}

/**
 * The element count of `shape`, after checking that every length is a non-negative integer and that
 * the count is within the limit (`getMaxElements()` unless `limit` is given). Throws ShapeError or
 * SizeLimitError naming `op` before anything is allocated.
 */
export function checkedElementCount(op: string, shape: Shape, limit = maxElements): number {
  let count = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) {
      throw new ShapeError(op, `shape [${shape.join(', ')}] has an invalid length ${d}`);
    }
    count *= d;
  }
  // A zero length anywhere makes the count 0, however large the others are.
  if (count > limit) throw new SizeLimitError(op, shape, limit);
  return count;
}
