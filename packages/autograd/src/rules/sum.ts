import { expand, reshape } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { keptShape } from './kept-shape';

/** ∂(Σ x)/∂xᵢ = 1: dy is broadcast back over the reduced axes (with or without keepDims). */
export const sumGrad: GradRule<'sum'> = {
  backward: ({ dy, inputShapes: [shape], attrs: { axes } }) => [
    expand(reshape(dy, keptShape(shape, axes)), shape),
  ],
};
