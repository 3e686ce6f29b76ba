import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import { ShapeError } from '../errors/shape-error';
import { defineOp } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxis, shapesEqual } from '../shape';
import type { Tensor } from '../tensor';
import { checkGatherOperands, gatherShape } from './gather';
import { checkIndexDType, checkIndexRange } from './indices';

const scatterAddOp = defineOp({
  name: 'scatterAdd',
  inputs: ['x', 'indices', 'updates'],
  infer: ([x, indices, updates], { axis }) => {
    checkGatherOperands('scatterAdd', x, indices, axis);
    if (x.dtype === 'bool' || updates.dtype !== x.dtype) {
      throw new DTypeError('scatterAdd', 'x and updates must share one numeric dtype', {
        x: x.dtype,
        updates: updates.dtype,
      });
    }
    const expected = gatherShape(x.shape, indices.shape, axis);
    if (!shapesEqual(updates.shape, expected)) {
      throw new ShapeError('scatterAdd', `updates must have gather's output shape [${expected.join(', ')}]`, {
        x: x.shape,
        indices: indices.shape,
        updates: updates.shape,
      });
    }
    return [{ shape: x.shape, dtype: x.dtype }];
  },
});

/**
 * The adjoint of `gather`: a copy of `x` with each slice of `updates` added at row `indices[j]` of
 * `axis` (default 0). `updates` has gather's output shape, x.shape[:axis] + indices.shape +
 * x.shape[axis+1:]; repeated indices accumulate. Indices are int32, negative ones count from the end.
 *
 * @example
 * const idx = tensor([0, 2, 0], { dtype: 'int32' });
 * scatterAdd(zeros([3]), idx, tensor([1, 2, 3])); // [4, 0, 2]
 */
export function scatterAdd(x: Tensor, indices: Tensor, updates: Tensor, axis = 0): Tensor {
  checkTensor('scatterAdd', 'x', x);
  checkTensor('scatterAdd', 'indices', indices);
  checkTensor('scatterAdd', 'updates', updates);
  if (x.rank === 0) throw new ShapeError('scatterAdd', 'x must have at least one axis', { x: x.shape });
  const normalized = normalizeAxis('scatterAdd', axis, x.rank);
  checkIndexDType('scatterAdd', indices);
  checkIndexRange('scatterAdd', indices, x.shape[normalized], normalized);
  return runOp(scatterAddOp, [x, indices, updates], { axis: normalized })[0];
}
