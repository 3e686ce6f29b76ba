import { matmul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * Y = A′B′ with A′ = Aᵀ when transposeA (B′ likewise): ∂L/∂A′ = dY·B′ᵀ and ∂L/∂B′ = A′ᵀ·dY,
 * transposed back for a transposed operand. Every product is one matmul with transpose flags, so
 * nothing is materialized; batch axes come out broadcast and the engine sums them back.
 */
export const matmulGrad: GradRule<'matmul'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [a, b], attrs: { transposeA, transposeB }, needsGrad }) => [
    needsGrad[0]
      ? transposeA
        ? matmul(b, dy, { transposeA: transposeB, transposeB: true })
        : matmul(dy, b, { transposeB: !transposeB })
      : null,
    needsGrad[1]
      ? transposeB
        ? matmul(dy, a, { transposeA: true, transposeB: transposeA })
        : matmul(a, dy, { transposeA: !transposeA })
      : null,
  ],
};
