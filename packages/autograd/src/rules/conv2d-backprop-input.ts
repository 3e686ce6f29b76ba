import { conv2d, conv2dBackpropFilter } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { convOptions } from './conv-options';

/**
 * dx = Cᵀ(w)·dy, where C(w) is the convolution with w. It is linear in dy with adjoint C(w), so
 * d(dy) = conv2d(g, w); and ⟨g, Cᵀ(w)dy⟩ = ⟨C(w)g, dy⟩, so d(w) = conv2dBackpropFilter(g, dy).
 */
export const conv2dBackpropInputGrad: GradRule<'conv2dBackpropInput'> = {
  save: 'inputs',
  backward: ({ dy: g, inputs: [dy, w], inputShapes, attrs, needsGrad }) => [
    needsGrad[0] ? conv2d(g, w, convOptions(attrs)) : null,
    needsGrad[1] ? conv2dBackpropFilter(g, dy, inputShapes[1], attrs) : null,
  ],
};
