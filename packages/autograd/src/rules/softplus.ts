import { mul, sigmoid } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d ln(1 + eˣ)/dx = σ(x), which stays finite for any x. */
export const softplusGrad: GradRule<'softplus'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [mul(dy, sigmoid(x))],
};
