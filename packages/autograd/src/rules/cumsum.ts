import { cumsum } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * yᵢ = Σⱼ≤ᵢ xⱼ, so ∂L/∂xⱼ = Σᵢ≥ⱼ ∂L/∂yᵢ: the cumulative sum of dy in the other direction, with the
 * same exclusivity (an exclusive sum leaves out i = j both ways).
 */
export const cumsumGrad: GradRule<'cumsum'> = {
  backward: ({ dy, attrs: { axis, exclusive, reverse } }) => [
    cumsum(dy, axis, { exclusive, reverse: !reverse }),
  ],
};
