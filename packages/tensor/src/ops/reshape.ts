import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxes, normalizeAxis, sizeOf } from '../shape';
import type { Tensor } from '../tensor';

const reshapeOp = defineOp({
  name: 'reshape',
  inputs: ['x'],
  isView: true,
  infer: ([x], { shape }) => {
    if (sizeOf(shape) !== sizeOf(x.shape)) {
      throw new ShapeError('reshape', `cannot reshape ${sizeOf(x.shape)} elements to [${shape.join(', ')}]`, {
        x: x.shape,
      });
    }
    return [{ shape, dtype: x.dtype }];
  },
});

/** Resolves one −1 entry of a requested shape from the element count. */
function resolveShape(
  op: string,
  requested: readonly number[],
  size: number,
  inputShape: readonly number[],
): number[] {
  const shape = [...requested];
  const unknown = shape.indexOf(-1);
  if (shape.filter((d) => d === -1).length > 1)
    throw new ArgumentError(op, `only one -1 allowed in [${requested.join(', ')}]`);
  for (const d of shape) {
    if (!Number.isInteger(d) || d < -1)
      throw new ArgumentError(op, `invalid shape [${requested.join(', ')}]`);
  }
  if (unknown >= 0) {
    const known = shape.reduce((p, d, i) => (i === unknown ? p : p * d), 1);
    if (known === 0 || size % known !== 0) {
      throw new ShapeError(op, `cannot infer -1 in [${requested.join(', ')}] for ${size} elements`, {
        x: inputShape,
      });
    }
    shape[unknown] = size / known;
  }
  return shape;
}

/**
 * The same elements in a new shape (row-major order). One entry may be −1. Free: shares the buffer.
 *
 * @example
 * reshape(arange(6), [2, -1]); // shape [2, 3]
 */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  checkTensor('reshape', 'x', x);
  return runOp(reshapeOp, [x], { shape: resolveShape('reshape', shape, x.size, x.shape) })[0];
}

/**
 * Merges axes `startAxis..endAxis` (inclusive; default all) into one. Free, like reshape; a scalar
 * becomes shape [1].
 *
 * @example
 * flatten(zeros([2, 3, 4]), 1).shape; // [2, 12]
 */
export function flatten(x: Tensor, startAxis = 0, endAxis = -1): Tensor {
  checkTensor('flatten', 'x', x);
  if (x.rank === 0) return reshape(x, [1]);
  const start = normalizeAxis('flatten', startAxis, x.rank);
  const end = normalizeAxis('flatten', endAxis, x.rank);
  if (start > end)
    throw new ArgumentError('flatten', `startAxis ${startAxis} comes after endAxis ${endAxis}`);
  const merged = x.shape.slice(start, end + 1).reduce((p, d) => p * d, 1);
  return reshape(x, [...x.shape.slice(0, start), merged, ...x.shape.slice(end + 1)]);
}

/**
 * Removes length-1 axes: the listed ones (each must have length 1), or all of them. Free.
 *
 * @example
 * squeeze(zeros([1, 3, 1])).shape;     // [3]
 * squeeze(zeros([1, 3, 1]), 0).shape;  // [3, 1]
 */
export function squeeze(x: Tensor, axis?: number | readonly number[]): Tensor {
  checkTensor('squeeze', 'x', x);
  const axes =
    axis === undefined
      ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
      : normalizeAxes('squeeze', axis, x.rank);
  for (const a of axes) {
    if (x.shape[a] !== 1)
      throw new ShapeError('squeeze', `axis ${a} has length ${x.shape[a]}, not 1`, { x: x.shape });
  }
  return reshape(
    x,
    x.shape.filter((_, i) => !axes.includes(i)),
  );
}

/**
 * Inserts a length-1 axis at `axis` (−1 appends). Free.
 *
 * @example
 * unsqueeze(tensor([1, 2]), 0).shape; // [1, 2]
 */
export function unsqueeze(x: Tensor, axis: number): Tensor {
  checkTensor('unsqueeze', 'x', x);
  const position = normalizeAxis('unsqueeze', axis, x.rank + 1);
  const shape = [...x.shape];
  shape.splice(position, 0, 1);
  return reshape(x, shape);
}
