import { add, div } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(ln(1 + x))/dx = 1/(1 + x). */
export const log1pGrad: GradRule<'log1p'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [div(dy, add(x, 1))],
};
