import { conv2dBackpropFilter, conv2dBackpropInput } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * The convolution is linear in x and in w; its two adjoints are the backend's input- and
 * filter-gradient kernels, so a backend that implements them can train convolutions.
 */
export const conv2dGrad: GradRule<'conv2d'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x, w], inputShapes, attrs, needsGrad }) => [
    needsGrad[0] ? conv2dBackpropInput(dy, w, inputShapes[0], attrs) : null,
    needsGrad[1] ? conv2dBackpropFilter(x, dy, inputShapes[1], attrs) : null,
  ],
};
