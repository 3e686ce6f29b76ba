import { runOp } from '../engine/dispatch';
import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import { promoteTypes } from '../types';
import { cast } from './cast';

/** Checks that every input has `first`'s rank and the same lengths on every axis but `axis`. */
function checkConcatShapes(op: string, specs: readonly TensorSpec[], axis: number): void {
  const first = specs[0];
  for (let i = 1; i < specs.length; i++) {
    const shape = specs[i].shape;
    const differs =
      shape.length !== first.shape.length || shape.some((d, a) => a !== axis && d !== first.shape[a]);
    if (differs) {
      throw new ShapeError(op, `tensors[${i}] differs from tensors[0] outside axis ${axis}`, {
        'tensors[0]': first.shape,
        [`tensors[${i}]`]: shape,
      });
    }
  }
}

const concatOp = defineOp({
  name: 'concat',
  // Variadic: every input is one of the tensors being joined, in order.
  inputs: ['tensors'],
  infer: (specs, { axis }) => {
    if (specs.length === 0) throw new ArgumentError('concat', 'needs at least one tensor');
    const first = specs[0];
    if (first.shape.length === 0)
      throw new ShapeError('concat', 'cannot join scalars', { 'tensors[0]': first.shape });
    if (!Number.isInteger(axis) || axis < 0 || axis >= first.shape.length) {
      throw new ArgumentError('concat', `axis ${axis} is out of range for rank ${first.shape.length}`);
    }
    const mixed = specs.findIndex((s) => s.dtype !== first.dtype);
    if (mixed > 0) {
      throw new DTypeError('concat', 'inputs must share one dtype', {
        'tensors[0]': first.dtype,
        [`tensors[${mixed}]`]: specs[mixed].dtype,
      });
    }
    checkConcatShapes('concat', specs, axis);
    const shape = [...first.shape];
    shape[axis] = specs.reduce((total, s) => total + s.shape[axis], 0);
    return [{ shape, dtype: first.dtype }];
  },
});

/** Checks every element is a live tensor, naming `tensors[i]` (clearer than the dispatcher's "input i"). */
export function checkAlive(op: string, tensors: readonly Tensor[]): void {
  tensors.forEach((t, i) => {
    checkTensor(op, `tensors[${i}]`, t);
  });
}

/**
 * Joins tensors along an existing `axis` (default 0). All must have the same rank and the same
 * lengths on every other axis; mixed dtypes are promoted (bool < int32 < float32 < float64).
 *
 * @example
 * concat([ones([2, 3]), zeros([1, 3])]).shape;     // [3, 3]
 * concat([ones([2, 3]), zeros([2, 1])], -1).shape; // [2, 4]
 */
export function concat(tensors: readonly Tensor[], axis = 0): Tensor {
  if (!Array.isArray(tensors) || tensors.length === 0)
    throw new ArgumentError('concat', 'tensors must be a non-empty array');
  checkAlive('concat', tensors);
  const rank = tensors[0].rank;
  if (rank === 0) throw new ShapeError('concat', 'cannot join scalars', { 'tensors[0]': tensors[0].shape });
  const normalized = normalizeAxis('concat', axis, rank);
  checkConcatShapes('concat', tensors, normalized);
  const dtype = tensors.map((t) => t.dtype).reduce(promoteTypes);
  if (tensors.every((t) => t.dtype === dtype)) return runOp(concatOp, tensors, { axis: normalized })[0];
  // Casting creates temporaries; tidy frees them and keeps only the joined result.
  return tidy(
    () =>
      runOp(
        concatOp,
        tensors.map((t) => (t.dtype === dtype ? t : cast(t, dtype))),
        { axis: normalized },
      )[0],
  );
}
