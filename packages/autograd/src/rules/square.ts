import { mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(x²)/dx = 2x. */
export const squareGrad: GradRule<'square'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [mul(dy, mul(x, 2))],
};
