import { mul, pow } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/** d(x^−½)/dx = −½·x^−³ᐟ² = −½·y³. */
export const rsqrtGrad: GradRule<'rsqrt'> = {
  save: 'outputs',
  backward: ({ dy, outputs: [y] }) => [mul(dy, mul(pow(y, 3), -0.5))],
};
