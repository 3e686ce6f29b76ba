import { maxPool2dBackward } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * Each output copies one input element (the first maximum of its window, as the forward kernel
 * picks it), so dy goes back to the positions in the saved indices, summed where windows overlap.
 */
export const maxPool2dGrad: GradRule<'maxPool2d'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [, indices], inputShapes: [shape], attrs }) => [
    maxPool2dBackward(dy, indices, shape, attrs),
  ],
};
