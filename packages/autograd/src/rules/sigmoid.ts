import { mul, sub } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** dσ(x)/dx = σ(x)(1 − σ(x)) = y(1 − y). */
export const sigmoidGrad: GradRule<'sigmoid'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, mul(y, sub(1, y)))],
};
