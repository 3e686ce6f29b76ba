import { add, log, maximum, mul, neg, ShapeError, softplus, sub, type Tensor, tidy } from '@nagare/tensor';
import { checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

/** Options of the binary cross-entropies. */
export interface BinaryCrossEntropyOptions extends ReductionOptions {
  /** Rescales each element's loss; broadcast against the input. */
  weight?: Tensor;
}

// PyTorch clamps each log term at −100 so a probability of exactly 0 or 1 gives a finite loss.
// log is taken of max(p, e⁻¹⁰¹) (a float32 subnormal whose log is below −100, so the clamp still
// yields exactly −100), which keeps the gradient finite: 0 where the clamp is active, not 0·∞.
const LOG_FLOOR = -100;
const TINY = Math.exp(LOG_FLOOR - 1);

function clampedLog(p: Tensor): Tensor {
  return maximum(log(maximum(p, TINY)), LOG_FLOOR);
}

function checkWeight(op: string, input: Tensor, weight: Tensor | undefined): void {
  if (!weight) return;
  const fits =
    weight.rank <= input.rank &&
    weight.shape.every((d, i) => d === 1 || d === input.shape[input.rank - weight.rank + i]);
  if (!fits)
    throw new ShapeError(op, 'weight must broadcast to the input', {
      input: input.shape,
      weight: weight.shape,
    });
}

/**
 * Binary cross-entropy −w·[y·log p + (1 − y)·log(1 − p)] of probabilities `input` in [0, 1] against
 * targets in [0, 1] of the same shape, as PyTorch's `binary_cross_entropy` (log terms clamped at
 * −100). Prefer `binaryCrossEntropyWithLogits` on logits: it is stable where sigmoid saturates.
 *
 * @example
 * binaryCrossEntropy(sigmoid(logits), tensor([1, 0, 1]));
 */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions = {},
): Tensor {
  checkSameShape('binaryCrossEntropy', input, target);
  checkWeight('binaryCrossEntropy', input, options.weight);
  return tidy(() => {
    const likelihood = add(mul(target, clampedLog(input)), mul(sub(1, target), clampedLog(sub(1, input))));
    const loss = options.weight ? neg(mul(likelihood, options.weight)) : neg(likelihood);
    return reduceLoss('binaryCrossEntropy', loss, options.reduction);
  });
}

/**
 * Binary cross-entropy on logits x, as PyTorch's `binary_cross_entropy_with_logits`:
 * (1 − y)·x + (1 + (w₊ − 1)·y)·softplus(−x), which equals the cross-entropy of sigmoid(x) but
 * never overflows. `posWeight` w₊ (broadcast over the last axis, one per class) trades recall for
 * precision on imbalanced positives.
 *
 * @example
 * binaryCrossEntropyWithLogits(logits, targets);                          // [N, K] multi-label
 * binaryCrossEntropyWithLogits(logits, targets, { posWeight: tensor([3]) });
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyOptions & { posWeight?: Tensor } = {},
): Tensor {
  checkSameShape('binaryCrossEntropyWithLogits', input, target);
  checkWeight('binaryCrossEntropyWithLogits', input, options.weight);
  checkWeight('binaryCrossEntropyWithLogits', input, options.posWeight);
  return tidy(() => {
    const negativeLogSigmoid = softplus(neg(input));
    const positiveScale = options.posWeight ? add(mul(target, sub(options.posWeight, 1)), 1) : null;
    let loss = add(
      mul(sub(1, target), input),
      positiveScale ? mul(positiveScale, negativeLogSigmoid) : negativeLogSigmoid,
    );
    if (options.weight) loss = mul(loss, options.weight);
    return reduceLoss('binaryCrossEntropyWithLogits', loss, options.reduction);
  });
}
