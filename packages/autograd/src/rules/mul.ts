import { mul } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** ∂(a·b)/∂a = b, ∂(a·b)/∂b = a. */
export const mulGrad: GradRule<'mul'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [a, b], needsGrad }) => [
    needsGrad[0] ? mul(dy, b) : null,
    needsGrad[1] ? mul(dy, a) : null,
  ],
};
