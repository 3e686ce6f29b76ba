import { ArgumentError, add, mean, mul, rsqrt, square, sub, type Tensor } from '@nagare/tensor';

// The arithmetic BatchNorm and LayerNorm share; they differ only in the axes and where the
// statistics come from.

/** Reads a normalization layer's `eps` option: PyTorch's 1e-5 by default, and it must be positive. */
export function resolveEps(layer: string, option: number | undefined): number {
  const eps = option ?? 1e-5;
  if (!(eps > 0)) throw new ArgumentError(layer, `eps must be positive, got ${eps}`);
  return eps;
}

/**
 * x − mean(x) and the biased variance of x over `axes`, both keeping the reduced axes (size 1) so
 * they broadcast against x. The variance is taken of the centered values, as PyTorch does.
 */
export function centeredMoments(x: Tensor, axes: readonly number[]): { centered: Tensor; variance: Tensor } {
  const centered = sub(x, mean(x, axes, { keepDims: true }));
  return { centered, variance: mean(square(centered), axes, { keepDims: true }) };
}

/** (x − mean) / √(variance + eps), from the centered values and the variance. */
export function standardize(centered: Tensor, variance: Tensor, eps: number): Tensor {
  return mul(centered, rsqrt(add(variance, eps)));
}
