import { gather, reshape } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { flatIndices } from './flat-indices';

/**
 * dx = Sᵀdy scatters dy to the saved positions; it is linear in dy, with adjoint S: reading the
 * upstream gradient back at those positions (one gather over the flattened planes).
 */
export const maxPool2dBackwardGrad: GradRule<'maxPool2dBackward'> = {
  save: 'inputs',
  backward: ({ dy: g, inputs: [dy, indices], attrs: { inputShape } }) => {
    const [n, c, h, w] = inputShape;
    const planes = reshape(indices, [n, c, dy.shape[2] * dy.shape[3]]);
    const positions = flatIndices(planes, [n, c, h * w], 2);
    return [reshape(gather(reshape(g, [-1]), reshape(positions, [-1])), dy.shape), null];
  },
};
