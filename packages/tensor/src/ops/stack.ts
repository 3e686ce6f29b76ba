import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { normalizeAxis, shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { checkAlive, concat } from './concat';
import { unsqueeze } from './reshape';

/**
 * Joins same-shaped tensors along a new axis inserted at `axis` (default 0; −1 appends it).
 * A composite: each input gets a length-1 axis (a free view) and the views are concatenated.
 *
 * @example
 * stack([ones([2, 3]), zeros([2, 3])]).shape;     // [2, 2, 3]
 * stack([ones([2, 3]), zeros([2, 3])], -1).shape; // [2, 3, 2]
 */
export function stack(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0)
    throw new ArgumentError('stack', 'tensors must be a non-empty array');
  checkAlive('stack', tensors);
  const first = tensors[0].shape;
  tensors.forEach((t, i) => {
    if (!shapesEqual(t.shape, first)) {
      throw new ShapeError('stack', `tensors[${i}] differs in shape from tensors[0]`, {
        'tensors[0]': first,
        [`tensors[${i}]`]: t.shape,
      });
    }
  });
  const position = normalizeAxis('stack', axis, first.length + 1);
  return tidy(() =>
    concat(
      tensors.map((t) => unsqueeze(t, position)),
      position,
    ),
  );
}
