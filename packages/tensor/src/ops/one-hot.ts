import { runOp } from '../engine/dispatch';
import { ArgumentError } from '../errors/argument-error';
import { defineOp } from '../op-registry';
import type { Tensor } from '../tensor';
import { checkIndexDType } from './indices';

const oneHotOp = defineOp({
  name: 'oneHot',
  inputs: ['indices'],
  infer: ([indices], { depth }) => {
    checkIndexDType('oneHot', indices);
    if (!Number.isInteger(depth) || depth < 0)
      throw new ArgumentError('oneHot', `depth must be a non-negative integer, got ${depth}`);
    return [{ shape: [...indices.shape, depth], dtype: 'float32' }];
  },
});

/**
 * One-hot encodes int32 `indices` (any shape) as float32 of shape [...indices.shape, depth]: 1 at
 * each index, 0 elsewhere. Negative indices count from the end; indices outside [−depth, depth)
 * give an all-zero row (as ONNX OneHot), which is how padding labels are usually masked.
 *
 * @example
 * oneHot(tensor([0, 2, -1, 5], { dtype: 'int32' }), 3);
 * // [[1, 0, 0], [0, 0, 1], [0, 0, 1], [0, 0, 0]]
 */
export function oneHot(indices: Tensor, depth: number): Tensor {
  return runOp(oneHotOp, [indices], { depth })[0];
}
