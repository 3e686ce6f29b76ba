import type { GradRule } from '../grad-rule';
import { pickLarger } from './pick-larger';

/** ∂min(a, b)/∂a = 1 where a < b, 0 where a > b, ½ at ties (as maximum, with the roles swapped). */
export const minimumGrad: GradRule<'minimum'> = {
  save: 'inputs',
  backward: ({ dy, inputs: [a, b], needsGrad }) => {
    // pickLarger's first result is where a > b, which is where b is the minimum.
    const [gb, ga] = pickLarger(dy, a, b, [needsGrad[1], needsGrad[0]]);
    return [ga, gb];
  },
};
