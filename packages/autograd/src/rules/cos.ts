import { mul, neg, sin } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(cos x)/dx = −sin x. */
export const cosGrad: GradRule<'cos'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [neg(mul(dy, sin(x)))],
};
