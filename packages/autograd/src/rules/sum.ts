import { expand, reshape, type Shape } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';
import { keptShape } from './kept-shape';

/** ∂(Σ x)/∂xᵢ = 1: dy is broadcast back over the reduced axes (with or without keepDims). */
export const sumGrad: GradRule<'sum'> = {
  backward: ({ dy, inputShapes: [shape], attrs: { axes } }) => {
    const kept = keptShape(shape, axes);
    return [expand(broadcastsAsKept(dy.shape, kept) ? dy : reshape(dy, kept), shape)];
  },
};

/**
 * True when `dy` already broadcasts like the kept shape (its axes are the kept shape's trailing
 * ones, only 1s before them: a full sum, a sum over leading axes, or keepDims), so expanding it
 * needs no reshape first.
 */
function broadcastsAsKept(dyShape: Shape, kept: readonly number[]): boolean {
  const lead = kept.length - dyShape.length;
  if (lead < 0) return false;
  for (let i = 0; i < lead; i++) if (kept[i] !== 1) return false;
  for (let i = 0; i < dyShape.length; i++) if (dyShape[i] !== kept[lead + i]) return false;
  return true;
}
