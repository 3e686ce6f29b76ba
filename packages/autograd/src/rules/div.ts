import { div, mul, neg, square } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** ∂(a/b)/∂a = 1/b, ∂(a/b)/∂b = −a/b². */
export const divGrad: GradRule<'div'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [a, b], needsGrad }) => [
    needsGrad[0] ? div(dy, b) : null,
    needsGrad[1] ? neg(div(mul(dy, a), square(b))) : null,
  ],
};
