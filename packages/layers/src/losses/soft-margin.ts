import { add, mean, mul, neg, ShapeError, softplus, sub, type Tensor, tidy } from '@nagare/tensor';
import { checkReduction, checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

/**
 * Two-class logistic loss log(1 + e^(−y·x)) for labels y ∈ {−1, 1}, as PyTorch's
 * `soft_margin_loss`. Input and target have the same shape.
 *
 * @example
 * softMarginLoss(scores, tensor([1, -1, 1]));
 */
export function softMarginLoss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  checkSameShape('softMarginLoss', input, target);
  return tidy(() => reduceLoss('softMarginLoss', softplus(neg(mul(target, input))), options.reduction));
}

/** Options of `multiLabelSoftMarginLoss`. */
export interface MultiLabelSoftMarginLossOptions extends ReductionOptions {
  /** A weight per class, `[C]`. */
  weight?: Tensor;
}

/**
 * Multi-label one-versus-all logistic loss, as PyTorch's `multilabel_soft_margin_loss`: for
 * logits x `[N, C]` and 0/1 targets y `[N, C]`, −(1/C)·Σ_c w_c·[y·log σ(x) + (1 − y)·log σ(−x)]
 * per sample, then reduced over samples.
 *
 * @example
 * multiLabelSoftMarginLoss(logits, tensor([[1, 0, 1], [0, 0, 1]]));
 */
export function multiLabelSoftMarginLoss(
  input: Tensor,
  target: Tensor,
  options: MultiLabelSoftMarginLossOptions = {},
): Tensor {
  const { weight, reduction = 'mean' } = options;
  checkSameShape('multiLabelSoftMarginLoss', input, target);
  checkReduction('multiLabelSoftMarginLoss', reduction);
  const classes = input.shape[input.rank - 1];
  if (input.rank === 0 || input.rank > 2) {
    throw new ShapeError('multiLabelSoftMarginLoss', 'input must be [N, C] or [C]', { input: input.shape });
  }
  if (weight && (weight.rank !== 1 || weight.shape[0] !== classes)) {
    throw new ShapeError('multiLabelSoftMarginLoss', `weight must have one value per class, [${classes}]`, {
      input: input.shape,
      weight: weight.shape,
    });
  }
  return tidy(() => {
    // −log σ(x) = softplus(−x) and −log σ(−x) = softplus(x), both stable for large |x|.
    let loss = add(mul(target, softplus(neg(input))), mul(sub(1, target), softplus(input)));
    if (weight) loss = mul(loss, weight);
    const perSample = mean(loss, input.rank - 1);
    return reduction === 'none' ? perSample : reduceLoss('multiLabelSoftMarginLoss', perSample, reduction);
  });
}
