import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';
import { toFloat } from '../types';
import { add, div, mul, sub, where } from './binary';
import { cast } from './cast';
import { isFinite } from './predicates';
import { type KeepDimsOptions, max, min, sum } from './reduce';
import { exp, log, logicalNot, sqrt } from './unary';

function countOf(x: Tensor, axis: number | readonly number[] | undefined): number {
  return normalizeAxes('mean', axis, x.rank).reduce((n, a) => n * x.shape[a], 1);
}

/** Mean over `axis` (all axes when omitted). Integer inputs give float32. */
export function mean(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  const total = sum(x.dtype === 'float64' || x.dtype === 'float32' ? x : cast(x, toFloat(x.dtype)), axis, options);
  return div(total, countOf(x, axis));
}

/**
 * log Σ exp(x) over `axis`, computed stably: the max is subtracted first so large values cannot
 * overflow. Reducing nothing gives −∞.
 */
export function logsumexp(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  const peak = max(x, axis, { keepDims: true }).detach();
  // An all −∞ (or empty) slice has peak −∞; shift by 0 there so the result stays −∞ instead of NaN.
  const shift = where(isFinite(peak), peak, 0);
  const total = log(sum(exp(sub(x, shift)), axis, options));
  return add(total, options.keepDims ? shift : shift.reshape(total.shape));
}

/** Options of variance/std. */
export interface VarianceOptions extends KeepDimsOptions {
  /** Divide by n − correction (1 = unbiased, as PyTorch's default; 0 = population). */
  correction?: number;
}

/** Variance over `axis` (all axes when omitted); unbiased (n − 1) by default. */
export function variance(x: Tensor, axis?: number | readonly number[], options: VarianceOptions = {}): Tensor {
  const centered = sub(x, mean(x, axis, { keepDims: true }));
  const n = countOf(x, axis);
  return div(sum(mul(centered, centered), axis, options), Math.max(n - (options.correction ?? 1), 0));
}

/** Standard deviation over `axis`; unbiased (n − 1) by default. */
export function std(x: Tensor, axis?: number | readonly number[], options: VarianceOptions = {}): Tensor {
  return sqrt(variance(x, axis, options));
}

/** True where every element along `axis` is non-zero. */
export function all(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return min(cast(x, 'bool'), axis, options);
}

/** True where any element along `axis` is non-zero. */
export function any(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return logicalNot(all(logicalNot(x), axis, options));
}
