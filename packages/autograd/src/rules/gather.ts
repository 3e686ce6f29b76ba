import { scatterAdd, zeros } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** gather copies rows indices[j] of x; the adjoint adds each row of dy back at its index. */
export const gatherGrad: GradRule<'gather'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [, indices], inputShapes: [shape], attrs: { axis } }) => [
    scatterAdd(zeros(shape, { dtype: dy.dtype }), indices, dy, axis),
    null,
  ],
};
