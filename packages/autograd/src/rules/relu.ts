import { mul, step } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * d relu(x)/dx = 1 for x > 0, else 0. At x = 0 the derivative is taken as 0 (the usual convention,
 * as PyTorch). y > 0 exactly where x > 0, so step(y) needs only the saved output.
 */
export const reluGrad: GradRule<'relu'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, step(y))],
};
