import { div, mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(√x)/dx = 1/(2√x) = 1/(2y). */
export const sqrtGrad: GradRule<'sqrt'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [div(dy, mul(y, 2))],
};
