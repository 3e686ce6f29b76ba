import {
  ArgumentError,
  abs,
  add,
  clip,
  minimum,
  pow,
  ShapeError,
  shapesEqual,
  sqrt,
  square,
  sub,
  sum,
  type Tensor,
  tidy,
} from '@nagare/tensor';
import { checkReduction, type Reduction, type ReductionOptions, reduceLoss } from './reduction';

/** Options of `tripletMarginLoss`, as PyTorch's `triplet_margin_loss`. */
export interface TripletMarginLossOptions extends ReductionOptions {
  /** Required gap between the negative's and the positive's distance (default 1). */
  margin?: number;
  /** The norm degree of the distance (default 2). */
  p?: number;
  /** Added to each difference before the norm, so the norm of equal vectors is differentiable (default 1e-6). */
  eps?: number;
  /** Use the smaller of d(anchor, negative) and d(positive, negative) (Balntas et al., 2016; default false). */
  swap?: boolean;
}

/** ‖a − b + eps‖_p over the last axis, as PyTorch's `pairwise_distance`. */
export function pairwiseDistance(a: Tensor, b: Tensor, p: number, eps: number): Tensor {
  const difference = add(sub(a, b), eps);
  const axis = a.rank - 1;
  if (p === 2) return sqrt(sum(square(difference), axis));
  if (p === 1) return sum(abs(difference), axis);
  return pow(sum(pow(abs(difference), p), axis), 1 / p);
}

/**
 * Triplet margin loss max(0, d(a, p) − d(a, n) + margin) with d the p-norm distance, as PyTorch's
 * `triplet_margin_loss`: pulls the anchor towards the positive and away from the negative. Anchor,
 * positive and negative are `[N, D]` (or `[D]`).
 *
 * @example
 * tripletMarginLoss(anchor, positive, negative, { margin: 0.5 });
 */
export function tripletMarginLoss(
  anchor: Tensor,
  positive: Tensor,
  negative: Tensor,
  options: TripletMarginLossOptions = {},
): Tensor {
  const { margin = 1, p = 2, eps = 1e-6, swap = false, reduction = 'mean' } = options;
  checkReduction('tripletMarginLoss', reduction);
  if (!Number.isFinite(margin))
    throw new ArgumentError('tripletMarginLoss', `margin must be finite, got ${margin}`);
  if (!(p > 0) || !Number.isFinite(p))
    throw new ArgumentError('tripletMarginLoss', `p must be a positive number, got ${p}`);
  if (!Number.isFinite(eps)) throw new ArgumentError('tripletMarginLoss', `eps must be finite, got ${eps}`);
  checkTriplet('tripletMarginLoss', anchor, positive, negative);
  const distance = (a: Tensor, b: Tensor) => pairwiseDistance(a, b, p, eps);
  return tripletHinge(distance, anchor, positive, negative, margin, swap, reduction);
}

/** Throws unless anchor, positive and negative share one shape, `[N, D]` or `[D]`. */
export function checkTriplet(op: string, anchor: Tensor, positive: Tensor, negative: Tensor): void {
  const isSupportedRank = anchor.rank === 1 || anchor.rank === 2;
  if (
    !isSupportedRank ||
    !shapesEqual(anchor.shape, positive.shape) ||
    !shapesEqual(anchor.shape, negative.shape)
  ) {
    throw new ShapeError(op, 'anchor, positive and negative must share one shape, [N, D] or [D]', {
      anchor: anchor.shape,
      positive: positive.shape,
      negative: negative.shape,
    });
  }
}

/** max(0, d(a, p) − d(a, n) + margin), with the optional swap, reduced. */
export function tripletHinge(
  distance: (a: Tensor, b: Tensor) => Tensor,
  anchor: Tensor,
  positive: Tensor,
  negative: Tensor,
  margin: number,
  swap: boolean,
  reduction: Reduction,
): Tensor {
  return tidy(() => {
    const toPositive = distance(anchor, positive);
    let toNegative = distance(anchor, negative);
    if (swap) toNegative = minimum(toNegative, distance(positive, negative));
    // clip, not relu: PyTorch's clamp_min passes the gradient at exactly 0.
    return reduceLoss('tripletMarginLoss', clip(add(sub(toPositive, toNegative), margin), 0), reduction);
  });
}
