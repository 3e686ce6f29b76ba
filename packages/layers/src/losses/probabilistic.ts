import {
  ArgumentError,
  add,
  detach,
  div,
  exp,
  gt,
  log,
  maximum,
  mul,
  ShapeError,
  shapesEqual,
  square,
  sub,
  type Tensor,
  tidy,
  where,
} from '@nagare/tensor';
import { checkReduction, checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

function checkPositive(op: string, name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value))
    throw new ArgumentError(op, `${name} must be a positive number, got ${value}`);
}

/** Options of `poissonNllLoss`, as PyTorch's `poisson_nll_loss`. */
export interface PoissonNllLossOptions extends ReductionOptions {
  /** The input is log λ (default true): loss eˣ − y·x; false: λ − y·log(λ + eps). */
  logInput?: boolean;
  /** Add Stirling's approximation of log(y!) for targets above 1 (default false). */
  full?: boolean;
  /** Keeps log(λ + eps) finite at λ = 0 when `logInput` is false (default 1e-8). */
  eps?: number;
}

/**
 * Negative log-likelihood of targets y (counts) under Poisson(λ), as PyTorch's
 * `poisson_nll_loss`: eˣ − y·x for a log-rate input x (default), or λ − y·log(λ + eps) for a rate
 * input; `full` adds y·log y − y + ½·log(2πy) where y > 1. Input and target have the same shape.
 *
 * @example
 * poissonNllLoss(logRates, counts);
 * poissonNllLoss(rates, counts, { logInput: false, full: true });
 */
export function poissonNllLoss(input: Tensor, target: Tensor, options: PoissonNllLossOptions = {}): Tensor {
  const { logInput = true, full = false, eps = 1e-8, reduction = 'mean' } = options;
  checkSameShape('poissonNllLoss', input, target);
  checkReduction('poissonNllLoss', reduction);
  checkPositive('poissonNllLoss', 'eps', eps);
  return tidy(() => {
    let loss = logInput ? sub(exp(input), mul(target, input)) : sub(input, mul(target, log(add(input, eps))));
    if (full) {
      // Stirling's term is 0 for y ≤ 1; log of 1 there keeps the unused branch finite.
      const isLarge = gt(target, 1);
      const safe = where(isLarge, target, 1);
      const stirling = add(sub(mul(safe, log(safe)), safe), add(mul(log(safe), 0.5), HALF_LOG_TWO_PI));
      loss = add(loss, where(isLarge, stirling, 0));
    }
    return reduceLoss('poissonNllLoss', loss, reduction);
  });
}

/** Options of `gaussianNllLoss`, as PyTorch's `gaussian_nll_loss`. */
export interface GaussianNllLossOptions extends ReductionOptions {
  /** Add the constant ½·log(2π) (default false). */
  full?: boolean;
  /** Variances below eps are raised to eps for stability (default 1e-6). */
  eps?: number;
}

/** `variance` shaped to broadcast against `input`: the same shape, a last axis of 1, or one axis fewer. */
function alignVariance(input: Tensor, variance: Tensor): Tensor {
  if (shapesEqual(input.shape, variance.shape)) return variance;
  const leading = input.shape.slice(0, -1);
  if (variance.rank === input.rank && shapesEqual(variance.shape, [...leading, 1])) return variance;
  if (input.rank > 0 && shapesEqual(variance.shape, leading)) return variance.reshape([...leading, 1]);
  throw new ShapeError(
    'gaussianNllLoss',
    "var must have the input's shape, a last axis of 1, or the input's shape without its last axis",
    { input: input.shape, var: variance.shape },
  );
}

/**
 * Negative log-likelihood of targets under N(input, var), as PyTorch's `gaussian_nll_loss`:
 * ½·(log max(var, eps) + (input − target)²/max(var, eps)) (+ ½·log 2π with `full`). `var` has the
 * input's shape (heteroscedastic), a last axis of 1, or one axis fewer (one variance per sample).
 * As PyTorch, the clamp at eps passes the gradient of var through unchanged.
 *
 * @example
 * gaussianNllLoss(mean, target, variance);            // all [N, D]
 * gaussianNllLoss(mean, target, sharedVariance);      // [N, D], [N, D], [N, 1]
 */
export function gaussianNllLoss(
  input: Tensor,
  target: Tensor,
  variance: Tensor,
  options: GaussianNllLossOptions = {},
): Tensor {
  const { full = false, eps = 1e-6, reduction = 'mean' } = options;
  checkSameShape('gaussianNllLoss', input, target);
  checkReduction('gaussianNllLoss', reduction);
  checkPositive('gaussianNllLoss', 'eps', eps);
  const aligned = alignVariance(input, variance);
  // As PyTorch: a negative variance is an error, not something to clamp away. The check reads on
  // the host, so it is skipped where reads are asynchronous only (WebGPU).
  if (!variance.storage.backend.readsAsyncOnly && variance.dataSync().some((v) => v < 0))
    throw new ArgumentError('gaussianNllLoss', 'var has negative entries');
  return tidy(() => {
    // PyTorch clamps under no_grad: the value is max(var, eps), the gradient that of var itself.
    const clamped = add(aligned, detach(sub(maximum(aligned, eps), aligned)));
    let loss = mul(add(log(clamped), div(square(sub(input, target)), clamped)), 0.5);
    if (full) loss = add(loss, HALF_LOG_TWO_PI);
    return reduceLoss('gaussianNllLoss', loss, reduction);
  });
}
