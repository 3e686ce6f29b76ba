import { ArgumentError, add, gt, lt, sub, type Tensor, tanh, tidy, where } from '@nagare/tensor';

// At the thresholds the output is the flat piece's value and the derivative is 0, as PyTorch's.

/** Throws unless the shrinkage threshold λ is finite and ≥ 0. */
export function checkLambda(op: string, lambd: number): void {
  if (!(lambd >= 0) || !Number.isFinite(lambd))
    throw new ArgumentError(op, `lambd must be a finite number ≥ 0, got ${lambd}`);
}

/**
 * Hard shrinkage: x where |x| > λ, else 0 (default λ = 0.5), as PyTorch's `hardshrink`.
 *
 * @example
 * hardshrink(tensor([-1, 0.2, 0.7])); // [-1, 0, 0.7]
 */
export function hardshrink(x: Tensor, lambd = 0.5): Tensor {
  checkLambda('hardshrink', lambd);
  return tidy(() => where(gt(x, lambd), x, where(lt(x, -lambd), x, 0)));
}

/**
 * Soft shrinkage (the proximal step of the L1 norm): x − λ above λ, x + λ below −λ, else 0
 * (default λ = 0.5), as PyTorch's `softshrink`.
 *
 * @example
 * softshrink(tensor([-1, 0.2, 0.7])); // [-0.5, 0, 0.2]
 */
export function softshrink(x: Tensor, lambd = 0.5): Tensor {
  checkLambda('softshrink', lambd);
  return tidy(() => where(gt(x, lambd), sub(x, lambd), where(lt(x, -lambd), add(x, lambd), 0)));
}

/**
 * Tanh shrinkage x − tanh(x), as PyTorch's `tanhshrink`.
 *
 * @example
 * tanhshrink(tensor([1])); // [0.2384]
 */
export function tanhshrink(x: Tensor): Tensor {
  return tidy(() => sub(x, tanh(x)));
}

/**
 * x where x > `threshold`, else `value`, as PyTorch's `threshold` (derivative 0 at the threshold).
 *
 * @example
 * threshold(tensor([-1, 0.5, 2]), 0.5, -9); // [-9, -9, 2]
 */
export function threshold(x: Tensor, threshold: number, value: number): Tensor {
  if (Number.isNaN(threshold) || Number.isNaN(value))
    throw new ArgumentError('threshold', `threshold and value must be numbers (got ${threshold}, ${value})`);
  return tidy(() => where(gt(x, threshold), x, value));
}
