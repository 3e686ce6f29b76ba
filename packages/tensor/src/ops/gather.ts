import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import { checkIndexDType, checkIndexRange } from './indices';

/** The output shape of taking `indices` along `axis`: x.shape[:axis] + indices.shape + x.shape[axis+1:]. */
export function gatherShape(x: readonly number[], indices: readonly number[], axis: number): number[] {
  return [...x.slice(0, axis), ...indices, ...x.slice(axis + 1)];
}

/** Validates the data tensor and axis shared by gather and scatterAdd. */
export function checkGatherOperands(op: string, x: TensorSpec, indices: TensorSpec, axis: number): void {
  if (x.shape.length === 0) throw new ShapeError(op, 'x must have at least one axis', { x: x.shape });
  if (!Number.isInteger(axis) || axis < 0 || axis >= x.shape.length) {
    throw new ArgumentError(op, `axis ${axis} is out of range for rank ${x.shape.length}`);
  }
  checkIndexDType(op, indices);
}

const gatherOp = defineOp({
  name: 'gather',
  inputs: ['x', 'indices'],
  infer: ([x, indices], { axis }) => {
    checkGatherOperands('gather', x, indices, axis);
    return [{ shape: gatherShape(x.shape, indices.shape, axis), dtype: x.dtype }];
  },
});

/**
 * Takes the entries of `x` at `indices` (int32, any shape) along `axis` (default 0), as NumPy's
 * `take` and ONNX Gather: the output shape is x.shape[:axis] + indices.shape + x.shape[axis+1:].
 * Negative indices count from the end; an index outside [−n, n) is an ArgumentError.
 *
 * @example
 * const table = tensor([[1, 2], [3, 4], [5, 6]]);
 * gather(table, tensor([2, 0], { dtype: 'int32' }));     // [[5, 6], [1, 2]]
 * gather(table, tensor([-1], { dtype: 'int32' }), 1);    // [[2], [4], [6]]
 */
export function gather(x: Tensor, indices: Tensor, axis = 0): Tensor {
  checkTensor('gather', 'x', x);
  checkTensor('gather', 'indices', indices);
  if (x.rank === 0) throw new ShapeError('gather', 'x must have at least one axis', { x: x.shape });
  const normalized = normalizeAxis('gather', axis, x.rank);
  checkIndexDType('gather', indices);
  checkIndexRange('gather', indices, x.shape[normalized], normalized);
  return runOp(gatherOp, [x, indices], { axis: normalized })[0];
}
