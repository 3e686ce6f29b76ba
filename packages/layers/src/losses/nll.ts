import { add, div, mul, ne, neg, sum, type Tensor, type TypedArray, tidy, where } from '@nagare/tensor';
import {
  checkClassTargets,
  classAxis,
  classShaped,
  pickClassEntries,
  pickClassEntriesUnweighted,
} from './class-targets';
import { checkReduction, type Reduction } from './reduction';

/** Options of `nllLoss` (and of `crossEntropy` with class-index targets), as PyTorch's. */
export interface NllLossOptions {
  /** A weight per class, `[C]` (default all 1). */
  weight?: Tensor;
  /** A target value that contributes nothing, to the loss or to the mean's count (default −100). */
  ignoreIndex?: number;
  /** `'mean'` (default) divides by the total weight of the non-ignored targets. */
  reduction?: Reduction;
}

/**
 * The loss of class-index targets against log-probabilities, without validation (callers check).
 * With label smoothing ε it is (1 − ε)·nll + ε/C·(−Σ_c w_c·log p_c), and `mean` divides both
 * parts by the total weight of the non-ignored targets, exactly as PyTorch's `cross_entropy`.
 */
export function classIndexLoss(
  logProbs: Tensor,
  target: Tensor,
  { weight, ignoreIndex = -100, reduction = 'mean' }: NllLossOptions,
  smoothing: number,
  targetValues: TypedArray | null,
): Tensor {
  // The common case (no class weights, no ignored target) skips the masking ops: a training step
  // of a small network spends more time dispatching them than computing the loss. Without host
  // values (a backend that reads only asynchronously) the masked path needs no read.
  if (!weight && targetValues && !targetValues.includes(ignoreIndex)) {
    const losses = neg(pickClassEntriesUnweighted(logProbs, target, targetValues));
    return finishLoss(logProbs, target, ignoreIndex, losses, smoothing, reduction, target.size);
  }
  const { picked, weights } = pickClassEntries(logProbs, target, ignoreIndex, weight);
  const losses = neg(mul(picked, weights));
  return finishLoss(logProbs, target, ignoreIndex, losses, smoothing, reduction, weights, weight);
}

/** Mixes in label smoothing and reduces; `mean` divides by the total target weight (`weights` summed, or a count). */
function finishLoss(
  logProbs: Tensor,
  target: Tensor,
  ignoreIndex: number,
  nll: Tensor,
  smoothing: number,
  reduction: Reduction,
  weights: Tensor | number,
  weight?: Tensor,
): Tensor {
  let losses = nll;
  if (smoothing > 0) {
    const axis = classAxis(logProbs);
    const weighted = weight ? mul(logProbs, classShaped(weight, logProbs)) : logProbs;
    const uniform = where(ne(target, ignoreIndex), neg(sum(weighted, axis)), 0);
    losses = add(mul(losses, 1 - smoothing), mul(uniform, smoothing / logProbs.shape[axis]));
  }
  if (reduction === 'none') return losses;
  const total = sum(losses);
  if (reduction === 'sum') return total;
  return div(total, typeof weights === 'number' ? weights : sum(weights));
}

/**
 * Negative log-likelihood of class-index targets, as PyTorch's `nll_loss`: −w[y]·input[y] per
 * sample, from log-probabilities `input` `[N, C]` (or `[N, C, d…]`, or `[C]`) and int32 `target`
 * `[N]` (or `[N, d…]`, or `[]`). `mean` is the weighted mean Σ loss / Σ w[y].
 *
 * @example
 * const logProbs = logSoftmax(logits, 1);              // [N, C]
 * nllLoss(logProbs, tensor([2, 0], { dtype: 'int32' }));
 */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  checkReduction('nllLoss', options.reduction ?? 'mean');
  const values = checkClassTargets('nllLoss', input, target, options.ignoreIndex ?? -100, options.weight);
  return tidy(() => classIndexLoss(input, target, options, 0, values));
}
