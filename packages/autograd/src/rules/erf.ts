import { exp, mul, neg, square } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** d erf(x)/dx = (2/√π)·e^(−x²). */
export const erfGrad: GradRule<'erf'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x] }) => [mul(dy, mul(exp(neg(square(x))), TWO_OVER_SQRT_PI))],
};
