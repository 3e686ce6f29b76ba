import { div, exp, gt, log, mul, sub, sum, type Tensor, tidy, where } from '@nagare/tensor';
import { checkReduction, checkSameShape } from './reduction';

/** Options of `klDiv`, as PyTorch's `kl_div`. */
export interface KlDivOptions {
  /** `'mean'` over elements (default, as PyTorch), `'batchmean'` (sum / batch size: the true KL), `'sum'`, `'none'`. */
  reduction?: 'none' | 'mean' | 'sum' | 'batchmean';
  /** The target holds log-probabilities instead of probabilities (default false). */
  logTarget?: boolean;
}

/**
 * Kullback–Leibler divergence KL(target ‖ input) pointwise, target·(log target − input), with
 * `input` log-probabilities and `target` probabilities (or log-probabilities with `logTarget`),
 * as PyTorch's `kl_div`; 0·log 0 counts as 0. Use `reduction: 'batchmean'` for the mathematical KL.
 *
 * @example
 * klDiv(logSoftmax(logits, 1), teacherProbs, { reduction: 'batchmean' });
 */
export function klDiv(input: Tensor, target: Tensor, options: KlDivOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  checkReduction('klDiv', reduction, ['none', 'mean', 'sum', 'batchmean']);
  checkSameShape('klDiv', input, target);
  return tidy(() => {
    let pointwise: Tensor;
    if (options.logTarget) {
      pointwise = mul(exp(target), sub(target, input));
    } else {
      // xlogy: t·log t is 0 at t = 0; log of 1 there keeps the unused branch (and its gradient) finite.
      const isPositive = gt(target, 0);
      const targetLogTarget = where(isPositive, mul(target, log(where(isPositive, target, 1))), 0);
      pointwise = sub(targetLogTarget, mul(target, input));
    }
    if (reduction === 'none') return pointwise;
    const total = sum(pointwise);
    if (reduction === 'sum') return total;
    return div(total, reduction === 'batchmean' ? (input.rank > 0 ? input.shape[0] : 1) : input.size);
  });
}
