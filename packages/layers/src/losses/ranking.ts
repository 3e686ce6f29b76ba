import {
  ArgumentError,
  add,
  clip,
  div,
  eq,
  mul,
  ne,
  neg,
  ShapeError,
  sqrt,
  square,
  sub,
  sum,
  type Tensor,
  tidy,
  where,
} from '@nagare/tensor';
import { checkReduction, checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

// The hinges below are clip(v, 0) rather than relu(v): PyTorch's clamp_min passes the gradient at
// exactly 0 (relu'(0) = 0), and these losses follow PyTorch.
const hinge = (v: Tensor) => clip(v, 0);

function checkFiniteMargin(op: string, margin: number): void {
  if (!Number.isFinite(margin)) throw new ArgumentError(op, `margin must be finite, got ${margin}`);
}

/** Options of the margin losses. */
export interface MarginOptions extends ReductionOptions {
  /** The required gap (default as PyTorch: 0 for marginRankingLoss and cosineEmbeddingLoss, 1 otherwise). */
  margin?: number;
}

/**
 * Ranking hinge max(0, −y·(x₁ − x₂) + margin), as PyTorch's `margin_ranking_loss`: y = 1 asks
 * x₁ to rank above x₂, y = −1 below. All three have the same shape.
 *
 * @example
 * marginRankingLoss(scoresA, scoresB, tensor([1, -1, 1]), { margin: 0.1 });
 */
export function marginRankingLoss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  options: MarginOptions = {},
): Tensor {
  const { margin = 0, reduction = 'mean' } = options;
  checkSameShape('marginRankingLoss', input1, input2);
  checkSameShape('marginRankingLoss', input1, target);
  checkReduction('marginRankingLoss', reduction);
  checkFiniteMargin('marginRankingLoss', margin);
  return tidy(() =>
    reduceLoss('marginRankingLoss', hinge(add(neg(mul(target, sub(input1, input2))), margin)), reduction),
  );
}

/**
 * Hinge embedding loss, as PyTorch's `hinge_embedding_loss`: x where y = 1 and max(0, margin − x)
 * where y = −1 (default margin 1), for distances x and labels y of the same shape.
 *
 * @example
 * hingeEmbeddingLoss(distances, tensor([1, -1, -1]));
 */
export function hingeEmbeddingLoss(input: Tensor, target: Tensor, options: MarginOptions = {}): Tensor {
  const { margin = 1, reduction = 'mean' } = options;
  checkSameShape('hingeEmbeddingLoss', input, target);
  checkReduction('hingeEmbeddingLoss', reduction);
  checkFiniteMargin('hingeEmbeddingLoss', margin);
  return tidy(() => {
    const loss = add(where(ne(target, 1), hinge(sub(margin, input)), 0), where(ne(target, -1), input, 0));
    return reduceLoss('hingeEmbeddingLoss', loss, reduction);
  });
}

// PyTorch adds this to each squared norm so the cosine of a zero vector is 0, not NaN.
const COSINE_EPSILON = 1e-12;

/**
 * Cosine embedding loss, as PyTorch's `cosine_embedding_loss`: 1 − cos(x₁, x₂) where y = 1 and
 * max(0, cos(x₁, x₂) − margin) where y = −1 (default margin 0). x₁, x₂ are `[N, D]` (or `[D]`)
 * and y is `[N]` (or a scalar).
 *
 * @example
 * cosineEmbeddingLoss(a, b, tensor([1, -1]), { margin: 0.2 }); // a, b [2, D]
 */
export function cosineEmbeddingLoss(
  input1: Tensor,
  input2: Tensor,
  target: Tensor,
  options: MarginOptions = {},
): Tensor {
  const { margin = 0, reduction = 'mean' } = options;
  checkSameShape('cosineEmbeddingLoss', input1, input2);
  checkReduction('cosineEmbeddingLoss', reduction);
  checkFiniteMargin('cosineEmbeddingLoss', margin);
  const isBatched = input1.rank === 2;
  if (
    (input1.rank !== 1 && !isBatched) ||
    target.rank !== input1.rank - 1 ||
    (isBatched && target.shape[0] !== input1.shape[0])
  ) {
    throw new ShapeError(
      'cosineEmbeddingLoss',
      'expected inputs [N, D] with target [N], or [D] with a scalar target',
      {
        input1: input1.shape,
        target: target.shape,
      },
    );
  }
  return tidy(() => {
    const axis = input1.rank - 1;
    const dot = sum(mul(input1, input2), axis);
    const squaredNorms = mul(
      add(sum(square(input1), axis), COSINE_EPSILON),
      add(sum(square(input2), axis), COSINE_EPSILON),
    );
    const cosine = div(dot, sqrt(squaredNorms));
    const loss = add(
      where(eq(target, 1), sub(1, cosine), 0),
      where(eq(target, -1), hinge(sub(cosine, margin)), 0),
    );
    return reduceLoss('cosineEmbeddingLoss', loss, reduction);
  });
}
