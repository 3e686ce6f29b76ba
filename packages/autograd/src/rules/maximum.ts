import type { GradRule } from '../grad-rule';
import { pickLarger } from './pick-larger';

/**
 * ∂max(a, b)/∂a = 1 where a > b, 0 where a < b. At ties the gradient is split evenly (½ each),
 * as PyTorch does, so the two partial derivatives always sum to 1.
 */
export const maximumGrad: GradRule<'maximum'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [a, b], needsGrad }) => pickLarger(dy, a, b, needsGrad),
};
