import {
  ArgumentError,
  add,
  arange,
  cast,
  DTypeError,
  div,
  gather,
  mul,
  oneHot,
  relu,
  ShapeError,
  square,
  sub,
  sum,
  type Tensor,
  tidy,
} from '@nagare/tensor';
import { checkReduction, checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

/**
 * The SVM hinge loss max(0, margin − y·x) for labels y ∈ {−1, +1} and scores x of the same shape
 * (Keras' `hinge`; default margin 1): zero once a sample is on the right side by the margin.
 *
 * @example
 * hingeLoss(tensor([2, -0.5]), tensor([1, 1])).item(); // (0 + 1.5) / 2
 */
export function hingeLoss(
  input: Tensor,
  target: Tensor,
  options: ReductionOptions & { margin?: number } = {},
): Tensor {
  checkSameShape('hingeLoss', input, target);
  const margin = options.margin ?? 1;
  if (!Number.isFinite(margin)) throw new ArgumentError('hingeLoss', `margin must be finite, got ${margin}`);
  return tidy(() => reduceLoss('hingeLoss', relu(sub(margin, mul(target, input))), options.reduction));
}

/** Options of `multiMarginLoss`. */
export interface MultiMarginLossOptions extends ReductionOptions {
  /** Required gap between the true class's score and the others (default 1). */
  margin?: number;
  /** 1 (default) or 2 for the squared hinge. */
  p?: 1 | 2;
  /** A weight per class, `[C]`, applied by the true class. */
  weight?: Tensor;
}

/**
 * The multi-class hinge loss, as PyTorch's `multi_margin_loss`: for scores x `[N, C]` and int32
 * classes y `[N]`, Σ_{i≠y} max(0, margin − x[y] + x[i])^p / C per sample.
 *
 * @example
 * multiMarginLoss(scores, tensor([2, 0], { dtype: 'int32' }));
 */
export function multiMarginLoss(input: Tensor, target: Tensor, options: MultiMarginLossOptions = {}): Tensor {
  const { margin = 1, p = 1, weight, reduction = 'mean' } = options;
  checkReduction('multiMarginLoss', reduction);
  if (input.rank !== 2 || target.rank !== 1 || target.shape[0] !== input.shape[0]) {
    throw new ShapeError('multiMarginLoss', 'expected input [N, C] and target [N]', {
      input: input.shape,
      target: target.shape,
    });
  }
  if (target.dtype !== 'int32')
    throw new DTypeError('multiMarginLoss', 'target must be int32', { target: target.dtype });
  if (p !== 1 && p !== 2) throw new ArgumentError('multiMarginLoss', `p must be 1 or 2, got ${p}`);
  const classes = input.shape[1];
  // Skipped where reads are asynchronous only (WebGPU), as gather's index check is.
  if (!target.storage.backend.readsAsyncOnly) {
    for (const value of target.dataSync()) {
      if (value < 0 || value >= classes)
        throw new ArgumentError('multiMarginLoss', `target ${value} is out of range for ${classes} classes`);
    }
  }
  return tidy(() => {
    const positions = add(mul(arange(input.shape[0]), classes), target);
    const trueScore = gather(input.reshape([-1]), positions).reshape([-1, 1]);
    const isOther = sub(1, cast(oneHot(target, classes), input.dtype));
    let hinge = relu(add(sub(margin, trueScore), input));
    if (p === 2) hinge = square(hinge);
    let perSample = div(sum(mul(hinge, isOther), 1), classes);
    if (weight) perSample = mul(perSample, gather(weight, target));
    return reduceLoss('multiMarginLoss', perSample, reduction);
  });
}
