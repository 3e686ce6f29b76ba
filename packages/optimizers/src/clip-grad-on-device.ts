import {
  assign,
  cast,
  type DType,
  minimum,
  mul,
  pow,
  promoteTypes,
  stack,
  type Tensor,
  tidy,
  zeros,
} from '@nagare/tensor';
import { checkNormType, gradPowerSumTensor, type NormOptions } from './grad-norms';
import { checkNumber, NON_NEGATIVE } from './validate';

function gradsOf(params: Iterable<Tensor>): Tensor[] {
  const grads: Tensor[] = [];
  for (const param of params) if (param.grad) grads.push(param.grad);
  return grads;
}

/**
 * The global norm of all gradients (seen as one vector) as a 0-d tensor, computed on the backend
 * without reading anything back: read it with `await norm.itemAsync()` when you need the number.
 * Parameters without a gradient are ignored (no gradients at all give 0). The caller frees it.
 *
 * @example
 * loss.backward();
 * const norm = totalGradNorm(model.parameters());
 * console.log(await norm.itemAsync()); norm.dispose();
 */
export function totalGradNorm(params: Iterable<Tensor>, options: NormOptions = {}): Tensor {
  const normType = checkNormType('totalGradNorm', options.normType ?? 2);
  return normOf(gradsOf(params), normType);
}

function normOf(grads: readonly Tensor[], normType: number): Tensor {
  return tidy(() => {
    if (grads.length === 0) return zeros([]);
    const dtype = grads.map((g) => g.dtype).reduce((a: DType, b) => promoteTypes(a, b));
    const sums = stack(grads.map((grad) => cast(gradPowerSumTensor(grad, normType), dtype)));
    return normType === Infinity ? sums.max() : pow(sums.sum(), 1 / normType);
  });
}

/**
 * `clipGradNorm` for every backend, WebGPU included: scales all gradients together, in place and
 * on the backend, so their global norm is at most `maxNorm`, and returns the norm before clipping
 * as a 0-d tensor (the caller frees it) instead of a number, so nothing is read back (as PyTorch
 * clips on a GPU). A NaN or infinite norm makes the gradients NaN, as in `clipGradNorm`.
 *
 * @example
 * loss.backward();
 * const norm = clipGradNormOnDevice(model.parameters(), 1.0);
 * optimizer.step();
 * console.log(await norm.itemAsync()); norm.dispose();
 */
export function clipGradNormOnDevice(
  params: Iterable<Tensor>,
  maxNorm: number,
  options: NormOptions = {},
): Tensor {
  checkNumber('clipGradNormOnDevice', 'maxNorm', maxNorm, NON_NEGATIVE);
  const normType = checkNormType('clipGradNormOnDevice', options.normType ?? 2);
  const grads = gradsOf(params);
  const norm = normOf(grads, normType);
  tidy(() => {
    // 1e-6 keeps the factor finite for zero gradients (PyTorch's constant); minimum keeps NaN.
    const factor = minimum(norm.add(1e-6).reciprocal().mul(maxNorm), 1);
    for (const grad of grads) assign(grad, mul(grad, factor.cast(grad.dtype)));
  });
  return norm;
}
