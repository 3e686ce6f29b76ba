import { ge, le, logicalAnd, where } from '@nagare/tensor';
import type { GradRule } from '../grad-rule';

/**
 * d clip(x, lo, hi)/dx = 1 where lo ≤ x ≤ hi (bounds included, as PyTorch's clamp), else 0.
 * When lo > hi every output is hi, a constant, and no element passes the test.
 */
export const clipGrad: GradRule<'clip'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [x], attrs: { min, max } }) => [where(logicalAnd(ge(x, min), le(x, max)), dy, 0)],
};
