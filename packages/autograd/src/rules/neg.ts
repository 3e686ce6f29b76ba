import { neg } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(−x)/dx = −1. */
export const negGrad: GradRule<'neg'> = {
  backward: ({ dy }) => [neg(dy)],
};
