import { cos, mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(sin x)/dx = cos x. */
export const sinGrad: GradRule<'sin'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [mul(dy, cos(x))],
};
