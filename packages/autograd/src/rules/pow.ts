import { eq, ge, log, logicalAnd, mul, pow, sub, where } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * ∂(aᵇ)/∂a = b·aᵇ⁻¹ and ∂(aᵇ)/∂b = aᵇ·ln a. As PyTorch: the base gradient is 0 where b = 0
 * (so 0⁰ does not give 0·∞), and the exponent gradient is 0 where a = 0 and b ≥ 0 (where aᵇ is
 * constant in b); for a < 0 ln a is NaN, and so is that gradient.
 */
export const powGrad: GradRule<'pow'> = {
  save: 'both',
  backward: ({ dy, inputs: [a, b], outputs: [y], needsGrad }) => [
    needsGrad[0] ? where(eq(b, 0), 0, mul(dy, mul(b, pow(a, sub(b, 1))))) : null,
    needsGrad[1] ? where(logicalAnd(eq(a, 0), ge(b, 0)), 0, mul(dy, mul(y, log(a)))) : null,
  ],
};
