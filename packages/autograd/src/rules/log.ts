import { div } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(ln x)/dx = 1/x. */
export const logGrad: GradRule<'log'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [div(dy, x)],
};
