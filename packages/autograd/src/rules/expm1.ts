import { add, mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(eˣ − 1)/dx = eˣ = y + 1. */
export const expm1Grad: GradRule<'expm1'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, add(y, 1))],
};
