import { reshape } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** Reshape only relabels elements: the gradient is dy in the input's shape. */
export const reshapeGrad: GradRule<'reshape'> = {
  backward: ({ dy, inputShapes: [shape] }) => [reshape(dy, shape)],
};
