import { neg } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** ∂(a − b)/∂a = 1, ∂(a − b)/∂b = −1. */
export const subGrad: GradRule<'sub'> = {
  backward: ({ dy, needsGrad }) => [dy, needsGrad[1] ? neg(dy) : null],
};
