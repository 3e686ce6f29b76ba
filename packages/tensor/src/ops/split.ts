import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import { slice } from './slice';

/** The length of each part: `sections` equal parts, or the listed lengths (which must cover the axis). */
function partLengths(x: Tensor, sections: number | readonly number[], axis: number): number[] {
  const length = x.shape[axis];
  if (typeof sections === 'number') {
    if (!Number.isInteger(sections) || sections < 1) {
      throw new ArgumentError(
        'split',
        `sections must be a positive integer or a list of lengths, got ${sections}`,
      );
    }
    if (length % sections !== 0) {
      throw new ShapeError(
        'split',
        `axis ${axis} of length ${length} does not divide into ${sections} equal parts`,
        { x: x.shape },
      );
    }
    return Array.from({ length: sections }, () => length / sections);
  }
  if (!Array.isArray(sections) || sections.length === 0)
    throw new ArgumentError('split', 'sections must be a positive integer or a non-empty list');
  for (const part of sections) {
    if (!Number.isInteger(part) || part < 0) {
      throw new ArgumentError(
        'split',
        `section lengths must be non-negative integers, got [${sections.join(', ')}]`,
      );
    }
  }
  const total = sections.reduce((a, b) => a + b, 0);
  if (total !== length) {
    throw new ShapeError(
      'split',
      `section lengths [${sections.join(', ')}] sum to ${total}, not axis ${axis}'s length ${length}`,
      { x: x.shape },
    );
  }
  return [...sections];
}

/**
 * Cuts `x` along `axis` (default 0) into consecutive parts: `sections` equal parts when it is a
 * number (the axis must divide evenly), or parts of the listed lengths (summing to the axis
 * length). A composite of `slice`; `concat(split(x, s, axis), axis)` gives back `x`.
 *
 * @example
 * split(arange(6), 3);               // [[0, 1], [2, 3], [4, 5]]
 * split(ones([2, 5]), [2, 3], 1)[1].shape; // [2, 3]
 */
export function split(x: Tensor, sections: number | readonly number[], axis = 0): Tensor[] {
  checkTensor('split', 'x', x);
  if (x.rank === 0) throw new ShapeError('split', 'cannot split a scalar', { x: x.shape });
  const normalized = normalizeAxis('split', axis, x.rank);
  const lengths = partLengths(x, sections, normalized);
  let start = 0;
  return lengths.map((length) => {
    const part = slice(x, [start], [start + length], { axes: [normalized] });
    start += length;
    return part;
  });
}
