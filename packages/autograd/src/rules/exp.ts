import { mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(eˣ)/dx = eˣ: reuse the saved output instead of recomputing exp. */
export const expGrad: GradRule<'exp'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, y)],
};
