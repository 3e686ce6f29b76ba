import { ArgumentError, abs, le, lt, mul, square, sub, type Tensor, tidy, where } from '@nagare/tensor';
import { checkSameShape, type ReductionOptions, reduceLoss } from './reduction';

/**
 * Mean squared error (x − y)², reduced by `reduction` (default mean). Input and target have the
 * same shape.
 *
 * @example
 * mseLoss(tensor([1, 2]), tensor([1, 4])).item(); // 2
 */
export function mseLoss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  checkSameShape('mseLoss', input, target);
  return tidy(() => reduceLoss('mseLoss', square(sub(input, target)), options.reduction));
}

/**
 * Mean absolute error |x − y|, reduced by `reduction` (default mean).
 *
 * @example
 * l1Loss(tensor([1, 2]), tensor([1, 4])).item(); // 1
 */
export function l1Loss(input: Tensor, target: Tensor, options: ReductionOptions = {}): Tensor {
  checkSameShape('l1Loss', input, target);
  return tidy(() => reduceLoss('l1Loss', abs(sub(input, target)), options.reduction));
}

/**
 * Huber loss: ½d² where |d| ≤ δ, else δ(|d| − ½δ), with d = x − y and δ = `delta` (default 1),
 * as PyTorch's `huber_loss`: quadratic near 0, linear (robust to outliers) beyond δ.
 *
 * @example
 * huberLoss(tensor([0, 0]), tensor([0.5, 3])).item(); // (0.125 + 2.5) / 2
 */
export function huberLoss(
  input: Tensor,
  target: Tensor,
  options: ReductionOptions & { delta?: number } = {},
): Tensor {
  checkSameShape('huberLoss', input, target);
  const delta = options.delta ?? 1;
  if (!(delta > 0)) throw new ArgumentError('huberLoss', `delta must be positive, got ${delta}`);
  return tidy(() => {
    const distance = abs(sub(input, target));
    const loss = where(
      le(distance, delta),
      mul(square(distance), 0.5),
      sub(mul(distance, delta), 0.5 * delta * delta),
    );
    return reduceLoss('huberLoss', loss, options.reduction);
  });
}

/**
 * Smooth L1 loss: ½d²/β where |d| < β, else |d| − ½β, with d = x − y and β = `beta` (default 1),
 * as PyTorch's `smooth_l1_loss` (Fast R-CNN); `beta: 0` is the L1 loss. Huber loss divided by β.
 *
 * @example
 * smoothL1Loss(tensor([0, 0]), tensor([0.5, 3])).item(); // (0.125 + 2.5) / 2
 */
export function smoothL1Loss(
  input: Tensor,
  target: Tensor,
  options: ReductionOptions & { beta?: number } = {},
): Tensor {
  checkSameShape('smoothL1Loss', input, target);
  const beta = options.beta ?? 1;
  if (!(beta >= 0) || !Number.isFinite(beta))
    throw new ArgumentError('smoothL1Loss', `beta must be a finite number ≥ 0, got ${beta}`);
  return tidy(() => {
    const distance = abs(sub(input, target));
    const loss =
      beta === 0
        ? distance
        : where(lt(distance, beta), mul(square(distance), 0.5 / beta), sub(distance, 0.5 * beta));
    return reduceLoss('smoothL1Loss', loss, options.reduction);
  });
}
