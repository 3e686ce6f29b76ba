import { ArgumentError, type Tensor } from '@nagare/tensor';
import { checkReduction, type ReductionOptions } from './reduction';
import { checkTriplet, pairwiseDistance, tripletHinge } from './triplet';

/** Options of `tripletMarginWithDistanceLoss`, as PyTorch's `triplet_margin_with_distance_loss`. */
export interface TripletMarginWithDistanceLossOptions extends ReductionOptions {
  /** Distance of each row pair, `[N, D]` × `[N, D]` → `[N]` (default: the Euclidean `pairwise_distance`). */
  distanceFunction?: (a: Tensor, b: Tensor) => Tensor;
  /** Required gap between the negative's and the positive's distance (default 1). */
  margin?: number;
  /** Use the smaller of d(anchor, negative) and d(positive, negative) (default false). */
  swap?: boolean;
}

/**
 * Triplet margin loss max(0, d(a, p) − d(a, n) + margin) with any distance d, as PyTorch's
 * `triplet_margin_with_distance_loss`; by default d is ‖a − b + 1e-6‖₂, as `tripletMarginLoss`.
 *
 * @example
 * const l1 = (a: Tensor, b: Tensor) => sum(abs(sub(a, b)), -1);
 * tripletMarginWithDistanceLoss(anchor, positive, negative, { distanceFunction: l1, margin: 0.5 });
 */
export function tripletMarginWithDistanceLoss(
  anchor: Tensor,
  positive: Tensor,
  negative: Tensor,
  options: TripletMarginWithDistanceLossOptions = {},
): Tensor {
  const { margin = 1, swap = false, reduction = 'mean' } = options;
  const distance = options.distanceFunction ?? ((a: Tensor, b: Tensor) => pairwiseDistance(a, b, 2, 1e-6));
  checkReduction('tripletMarginWithDistanceLoss', reduction);
  if (!(margin > 0) || !Number.isFinite(margin))
    throw new ArgumentError(
      'tripletMarginWithDistanceLoss',
      `margin must be a positive number, got ${margin}`,
    );
  checkTriplet('tripletMarginWithDistanceLoss', anchor, positive, negative);
  return tripletHinge(distance, anchor, positive, negative, margin, swap, reduction);
}
