import { mul, sign } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d|x|/dx = sign(x); at 0 this is 0, the subgradient PyTorch and TensorFlow use too. */
export const absGrad: GradRule<'abs'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [mul(dy, sign(x))],
};
