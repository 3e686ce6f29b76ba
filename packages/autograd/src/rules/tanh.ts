import { mul, square, sub } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(tanh x)/dx = 1 − tanh²x = 1 − y². */
export const tanhGrad: GradRule<'tanh'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, sub(1, square(y)))],
};
