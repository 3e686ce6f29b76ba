import type { GradRule } from '../grad-rule';
import { routeToExtremes } from './route-to-extremes';

/**
 * ∂max(x)/∂xᵢ = 1 at the maximum and 0 elsewhere. When several elements tie for the maximum the
 * gradient is split evenly between them (as TensorFlow and PyTorch's amax), a valid subgradient
 * that does not depend on element order.
 */
export const maxGrad: GradRule<'max'> = {
  save: 'both',
  backward: ({ dy, inputs: [x], outputs: [y], attrs: { axes } }) => [routeToExtremes(dy, x, y, axes)],
};
