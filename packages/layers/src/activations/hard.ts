import { ArgumentError, add, ge, le, lt, mul, type Tensor, tidy, where } from '@nagare/tensor';

// The piecewise-linear activations follow PyTorch at their kinks: at a corner between a sloped
// piece and a flat one the derivative is the flat piece's 0 (Hardtanh, ReLU6, Hardsigmoid).

function checkFinite(op: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new ArgumentError(op, `${name} must be a finite number, got ${value}`);
  }
}

/** v clamped to [low, high], with derivative 1 strictly inside and 0 at and beyond each bound. */
function clampFlatAtBounds(v: Tensor, low: number, high: number): Tensor {
  return where(le(v, low), low, where(ge(v, high), high, v));
}

/** Throws unless `minVal < maxVal`, both finite. */
export function checkHardtanhBounds(op: string, minVal: number, maxVal: number): void {
  checkFinite(op, { minVal, maxVal });
  if (!(minVal < maxVal))
    throw new ArgumentError(op, `minVal must be below maxVal (minVal: ${minVal}, maxVal: ${maxVal})`);
}

/** Options of `hardSigmoid`: the line α·x + β that is clipped to [0, 1]. */
export interface HardSigmoidOptions {
  /** Slope (default 1/6, as PyTorch; ONNX's HardSigmoid defaults to 0.2). */
  alpha?: number;
  /** Offset (default 0.5). */
  beta?: number;
}

/**
 * Hard sigmoid clip(α·x + β, 0, 1), a piecewise-linear sigmoid; PyTorch's default line x/6 + 1/2.
 * The derivative is α strictly inside (0, 1) and 0 at the corners, as PyTorch's.
 *
 * @example
 * hardSigmoid(tensor([-4, 0, 1.5, 4])); // [0, 0.5, 0.75, 1]
 */
export function hardSigmoid(x: Tensor, options: HardSigmoidOptions = {}): Tensor {
  const { alpha = 1 / 6, beta = 0.5 } = options;
  checkFinite('hardSigmoid', { alpha, beta });
  return tidy(() => clampFlatAtBounds(add(mul(x, alpha), beta), 0, 1));
}

/**
 * Hard swish x·relu6(x + 3)/6 (Howard et al., 2019, MobileNetV3): 0 below −3, x from 3 on, and
 * x·(x + 3)/6 between. The derivative at −3 is the middle piece's −0.5 and at 3 the right piece's
 * 1, as PyTorch's vectorized CPU kernel. (PyTorch 1.13's scalar path, used for tensors under 8
 * elements, gives 1.5 at 3: PyTorch disagrees with itself there.)
 *
 * @example
 * hardSwish(tensor([-4, 1, 4])); // [0, 0.6667, 4]
 */
export function hardSwish(x: Tensor): Tensor {
  return tidy(() => where(lt(x, -3), 0, where(lt(x, 3), mul(mul(x, add(x, 3)), 1 / 6), x)));
}

/**
 * Hard tanh: x clamped to [`minVal`, `maxVal`] (default [−1, 1]), as PyTorch's `hardtanh`; the
 * derivative is 1 strictly inside and 0 at both bounds.
 *
 * @example
 * hardtanh(tensor([-2, 0.5, 3])); // [-1, 0.5, 1]
 */
export function hardtanh(x: Tensor, minVal = -1, maxVal = 1): Tensor {
  checkHardtanhBounds('hardtanh', minVal, maxVal);
  return tidy(() => clampFlatAtBounds(x, minVal, maxVal));
}

/**
 * ReLU6 min(max(x, 0), 6) (MobileNet's activation), `hardtanh(x, 0, 6)`: derivative 0 at 0 and 6.
 *
 * @example
 * relu6(tensor([-1, 3, 8])); // [0, 3, 6]
 */
export function relu6(x: Tensor): Tensor {
  return hardtanh(x, 0, 6);
}
