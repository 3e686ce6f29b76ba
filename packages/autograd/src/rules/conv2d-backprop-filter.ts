import { conv2d, conv2dBackpropInput } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { convOptions } from './conv-options';

/**
 * dw = F(x, dy) with ⟨g, F(x, dy)⟩ = ⟨conv2d(x, g), dy⟩ for every filter-shaped g. So
 * d(dy) = conv2d(x, g) and d(x) = conv2dBackpropInput(dy, g): the same identity read from x's side.
 */
export const conv2dBackpropFilterGrad: GradRule<'conv2dBackpropFilter'> = {
  save: 'inputs',
  backward: ({ dy: g, inputs: [x, dy], inputShapes, attrs, needsGrad }) => [
    needsGrad[0] ? conv2dBackpropInput(dy, g, inputShapes[0], attrs) : null,
    needsGrad[1] ? conv2d(x, g, convOptions(attrs)) : null,
  ],
};
