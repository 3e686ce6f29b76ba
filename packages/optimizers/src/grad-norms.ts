import { ArgumentError, abs, max, pow, square, sum, type Tensor, tidy } from '@nagare/tensor';
import { checkNumber } from './validate';

/** Options of the gradient-norm helpers. */
export interface NormOptions {
  /** The p of the p-norm: 2 (default), any p > 0, or Infinity for the largest |g|. */
  normType?: number;
}

/** Checks a norm type: a positive number or Infinity. */
export function checkNormType(op: string, normType: number): number {
  if (normType === Infinity) return normType;
  return checkNumber(op, 'normType', normType, { min: 0, openMin: true });
}

/** Σ|g|ᵖ of one gradient (max |g| for p = ∞) as a 0-d tensor on the backend: nothing is read. */
export function gradPowerSumTensor(grad: Tensor, normType: number): Tensor {
  if (normType === Infinity) return max(abs(grad));
  if (normType === 2) return sum(square(grad));
  return sum(pow(abs(grad), normType));
}

/** Σ|g|ᵖ of one gradient (max |g| for p = ∞), as a number: reduced on the backend, one value read. */
export function gradPowerSum(grad: Tensor, normType: number): number {
  return tidy(() => gradPowerSumTensor(grad, normType).item());
}

/** Turns Σ|g|ᵖ back into the norm. */
export function powerSumToNorm(powerSum: number, normType: number): number {
  return normType === Infinity ? powerSum : powerSum ** (1 / normType);
}

type NamedParams = Record<string, Tensor> | Iterable<readonly [string, Tensor]>;

/**
 * The gradient norm of each parameter, for monitoring (exploding or vanishing gradients). Given
 * a list of tensors it returns a list; given names (a record, or `[name, tensor]` pairs such as a
 * module's named parameters) a record. A parameter without a gradient reports 0.
 *
 * @example
 * gradNorms([w, b]);                 // [0.82, 0.11]
 * gradNorms({ 'fc.weight': w });     // { 'fc.weight': 0.82 }
 */
export function gradNorms(params: Iterable<Tensor>, options?: NormOptions): number[];
export function gradNorms(params: NamedParams, options?: NormOptions): Record<string, number>;
export function gradNorms(
  params: Iterable<Tensor> | NamedParams,
  options: NormOptions = {},
): number[] | Record<string, number> {
  const normType = checkNormType('gradNorms', options.normType ?? 2);
  const normOf = (param: Tensor): number =>
    param.grad ? powerSumToNorm(gradPowerSum(param.grad, normType), normType) : 0;
  const isIterable = typeof (params as Iterable<unknown>)[Symbol.iterator] === 'function';
  const entries = isIterable
    ? [...(params as Iterable<Tensor | readonly [string, Tensor]>)]
    : Object.entries(params);
  if (entries.every((entry) => !Array.isArray(entry))) return (entries as Tensor[]).map(normOf);
  const result: Record<string, number> = {};
  for (const entry of entries) {
    if (!Array.isArray(entry)) throw new ArgumentError('gradNorms', 'mixes named and unnamed parameters');
    const [name, param] = entry as readonly [string, Tensor];
    result[name] = normOf(param);
  }
  return result;
}
