import { ArgumentError, assign, clip, mul, SyncReadError, type Tensor, tidy } from '@nagare/tensor';
import { checkNormType, gradPowerSum, type NormOptions, powerSumToNorm } from './grad-norms';
import { checkNumber, NON_NEGATIVE } from './validate';

/** Options of `clipGradNorm`. */
export interface ClipNormOptions extends NormOptions {
  /** Throw instead of scaling when the total norm is NaN or infinite. Default false. */
  errorIfNonFinite?: boolean;
}

function gradsOf(params: Iterable<Tensor>): Tensor[] {
  const grads: Tensor[] = [];
  for (const param of params) if (param.grad) grads.push(param.grad);
  return grads;
}

/**
 * Scales all gradients together, in place, so their global norm (all gradients seen as one
 * vector) is at most `maxNorm`, and returns the norm before clipping (log it: spikes show
 * exploding gradients). Parameters without a gradient are ignored. On a backend that reads only
 * asynchronously (WebGPU) this throws `SyncReadError` before changing anything: use
 * `clipGradNormOnDevice` there, which returns the norm as a tensor.
 *
 * @example
 * loss.backward();
 * const norm = clipGradNorm(model.parameters(), 1.0);
 * optimizer.step();
 */
export function clipGradNorm(
  params: Iterable<Tensor>,
  maxNorm: number,
  options: ClipNormOptions = {},
): number {
  checkNumber('clipGradNorm', 'maxNorm', maxNorm, NON_NEGATIVE);
  const normType = checkNormType('clipGradNorm', options.normType ?? 2);
  const grads = gradsOf(params);
  // Returning a number needs a read: refuse before touching any gradient.
  const asyncOnly = grads.find((grad) => grad.storage.backend.readsAsyncOnly);
  if (asyncOnly)
    throw new SyncReadError(
      'clipGradNorm',
      asyncOnly.backend,
      '`clipGradNormOnDevice` (it returns the norm as a tensor)',
    );
  const sums = grads.map((grad) => gradPowerSum(grad, normType));
  const total = powerSumToNorm(
    normType === Infinity ? Math.max(0, ...sums) : sums.reduce((a, b) => a + b, 0),
    normType,
  );
  if (!Number.isFinite(total) && options.errorIfNonFinite) {
    throw new ArgumentError(
      'clipGradNorm',
      `the total gradient norm is ${total}; pass errorIfNonFinite: false to scale anyway`,
    );
  }
  // 1e-6 keeps the factor finite for zero gradients (PyTorch's constant).
  const factor = maxNorm / (total + 1e-6);
  if (factor < 1 || Number.isNaN(factor))
    for (const grad of grads) tidy(() => assign(grad, mul(grad, factor)));
  return total;
}

/**
 * Clamps every gradient element into [−clipValue, clipValue], in place.
 *
 * @example
 * loss.backward();
 * clipGradValue(model.parameters(), 0.5);
 */
export function clipGradValue(params: Iterable<Tensor>, clipValue: number): void {
  checkNumber('clipGradValue', 'clipValue', clipValue, NON_NEGATIVE);
  for (const grad of gradsOf(params)) tidy(() => assign(grad, clip(grad, -clipValue, clipValue)));
}
