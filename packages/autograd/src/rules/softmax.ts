import { mul, sub, sum } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** ∂yᵢ/∂xⱼ = yᵢ(δᵢⱼ − yⱼ), so the vector–Jacobian product is y ⊙ (dy − Σ dy ⊙ y). */
export const softmaxGrad: GradRule<'softmax'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y], attrs: { axis } }) => [
    mul(y, sub(dy, sum(mul(dy, y), axis, { keepDims: true }))),
  ],
};
