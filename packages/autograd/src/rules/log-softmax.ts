import { exp, mul, sub, sum } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * ∂yᵢ/∂xⱼ = δᵢⱼ − softmax(x)ⱼ, so dx = dy − softmax(x)·Σ dy. softmax(x) = e^y with y ≤ 0, so it is
 * recomputed from the saved output without overflow.
 */
export const logSoftmaxGrad: GradRule<'logSoftmax'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y], attrs: { axis } }) => [
    sub(dy, mul(exp(y), sum(dy, axis, { keepDims: true }))),
  ],
};
