import { reshape, scatterAdd, sizeOf, zeros } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { flatIndices } from './flat-indices';

/** Each selected value is one element of x: dy goes back to the positions the indices name. */
export const topkGrad: GradRule<'topk'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [, indices], inputShapes: [shape], attrs: { axis } }) => {
    const positions = reshape(flatIndices(indices, shape, axis), [-1]);
    const flat = scatterAdd(zeros([sizeOf(shape)], { dtype: dy.dtype }), positions, reshape(dy, [-1]));
    return [reshape(flat, shape)];
  },
};
