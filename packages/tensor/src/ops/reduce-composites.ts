import { tidy } from '../engine/tidy';
import { checkTensor } from '../operand';
import { normalizeAxes } from '../shape';
import type { Tensor } from '../tensor';
import { isFloat, toFloat } from '../types';
import { add, div, mul, sub, where } from './binary';
import { cast, detach } from './cast';
import { isFinite as isFiniteOp } from './predicates';
import { type KeepDimsOptions, max, min, sum } from './reduce';
import { exp, log, sqrt } from './unary';

/** Number of elements reduced into each output value; also validates `axis` naming `op`. */
function countOf(op: string, x: Tensor, axis: number | readonly number[] | undefined): number {
  checkTensor(op, 'x', x);
  return normalizeAxes(op, axis, x.rank).reduce((n, a) => n * x.shape[a], 1);
}

/**
 * Mean over `axis` (all axes when omitted). Integer and bool inputs give float32. The mean of
 * nothing is NaN.
 *
 * @example
 * mean(tensor([[1, 2], [3, 4]]), 1); // [1.5, 3.5]
 */
export function mean(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  const count = countOf('mean', x, axis);
  return tidy(() => div(sum(isFloat(x.dtype) ? x : cast(x, toFloat(x.dtype)), axis, options), count));
}

/**
 * log Σ exp(x) over `axis` (all axes when omitted), computed stably: the max is subtracted first
 * so large values cannot overflow. A slice that is all −∞, or empty, gives −∞.
 *
 * @example
 * logsumexp(tensor([1000, 1000])); // 1000.6931
 */
export function logsumexp(
  x: Tensor,
  axis?: number | readonly number[],
  options: KeepDimsOptions = {},
): Tensor {
  countOf('logsumexp', x, axis);
  return tidy(() => {
    // The shift cancels out of the value, so autograd need not differentiate through max.
    const peak = detach(max(x, axis, { keepDims: true }));
    // An all −∞ (or empty) slice has peak −∞; shift by 0 there so the result stays −∞ instead of NaN.
    const shift = where(isFiniteOp(peak), peak, 0);
    const total = log(sum(exp(sub(x, shift)), axis, options));
    return add(total, options.keepDims ? shift : shift.reshape(total.shape));
  });
}

/** Options of variance/std. */
export interface VarianceOptions extends KeepDimsOptions {
  /** Divide by n − correction (1 = unbiased, as PyTorch's default; 0 = population). */
  correction?: number;
}

/**
 * Variance over `axis` (all axes when omitted): Σ(x − mean)² / (n − correction), unbiased
 * (correction 1) by default. n ≤ correction gives NaN or ∞, as PyTorch.
 *
 * @example
 * variance(tensor([1, 2, 3, 4]));                     // 1.6667
 * variance(tensor([1, 2, 3, 4]), 0, { correction: 0 }); // 1.25
 */
export function variance(
  x: Tensor,
  axis?: number | readonly number[],
  options: VarianceOptions = {},
): Tensor {
  const n = countOf('variance', x, axis);
  return tidy(() => {
    const centered = sub(x, mean(x, axis, { keepDims: true }));
    return div(sum(mul(centered, centered), axis, options), Math.max(n - (options.correction ?? 1), 0));
  });
}

/**
 * Standard deviation over `axis`: the square root of `variance` (unbiased by default).
 *
 * @example
 * std(tensor([2, 4, 4, 4, 5, 5, 7, 9]), 0, { correction: 0 }); // 2
 */
export function std(x: Tensor, axis?: number | readonly number[], options: VarianceOptions = {}): Tensor {
  countOf('std', x, axis);
  return tidy(() => sqrt(variance(x, axis, options)));
}

/**
 * True (bool) where every element along `axis` is non-zero (NaN counts as non-zero). All of
 * nothing is true.
 *
 * @example
 * all(tensor([[1, 0], [2, 3]]), 1); // [false, true]
 */
export function all(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  countOf('all', x, axis);
  return tidy(() => min(cast(x, 'bool'), axis, options));
}

/**
 * True (bool) where any element along `axis` is non-zero (NaN counts as non-zero). Any of nothing
 * is false.
 *
 * @example
 * any(tensor([[1, 0], [0, 0]]), 1); // [true, false]
 */
export function any(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  countOf('any', x, axis);
  return tidy(() => max(cast(x, 'bool'), axis, options));
}
