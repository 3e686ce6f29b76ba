import type { GradRule } from '../grad-rule';
import { routeToExtremes } from './route-to-extremes';

/** ∂min(x)/∂xᵢ = 1 at the minimum, 0 elsewhere; ties split the gradient evenly (as max). */
export const minGrad: GradRule<'min'> = {
  save: 'both',
  backward: ({ dy, inputs: [x], outputs: [y], attrs: { axes } }) => [routeToExtremes(dy, x, y, axes)],
};
