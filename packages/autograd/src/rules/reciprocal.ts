import { mul, neg, square } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(1/x)/dx = −1/x² = −y². */
export const reciprocalGrad: GradRule<'reciprocal'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [neg(mul(dy, square(y)))],
};
