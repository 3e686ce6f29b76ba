import {
  ArgumentError,
  abs,
  add,
  div,
  erf,
  gt,
  mul,
  neg,
  sigmoid,
  softplus as softplusPrimitive,
  type Tensor,
  tanh,
  tidy,
  where,
} from '@nagare/tensor';

/** Options of `softplus`. */
export interface SoftplusOptions {
  /** Sharpness β (default 1): softplus(βx)/β approaches ReLU as β grows. */
  beta?: number;
  /** Above this value of βx the output is x itself, for numerical stability (default 20). */
  threshold?: number;
}

/**
 * Softplus log(1 + e^(βx))/β, a smooth ReLU, as PyTorch's (linear where βx > threshold).
 *
 * @example
 * softplus(tensor([0, 30])); // [0.693, 30]
 * softplus(tensor([1]), { beta: 2 }); // [1.0635]
 */
export function softplus(x: Tensor, options: SoftplusOptions = {}): Tensor {
  const { beta = 1, threshold = 20 } = options;
  if (!(beta > 0) || !Number.isFinite(beta))
    throw new ArgumentError('softplus', `beta must be a positive number, got ${beta}`);
  return tidy(() => {
    const scaled = beta === 1 ? x : mul(x, beta);
    const smooth = beta === 1 ? softplusPrimitive(scaled) : div(softplusPrimitive(scaled), beta);
    return where(gt(scaled, threshold), x, smooth);
  });
}

/**
 * Softsign x / (1 + |x|): like tanh, but approaching ±1 polynomially.
 *
 * @example
 * softsign(tensor([-1, 3])); // [-0.5, 0.75]
 */
export function softsign(x: Tensor): Tensor {
  return tidy(() => div(x, add(abs(x), 1)));
}

/** Options of `gelu`. */
export interface GeluOptions {
  /** `'none'` (default): exact x·Φ(x) through erf; `'tanh'`: the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * GELU x·Φ(x) (Hendrycks & Gimpel, 2016): exact, 0.5·x·(1 + erf(x/√2)), or with
 * `approximate: 'tanh'`, 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 *
 * @example
 * gelu(tensor([1]));                         // [0.8413]
 * gelu(tensor([1]), { approximate: 'tanh' }); // [0.8412]
 */
export function gelu(x: Tensor, options: GeluOptions = {}): Tensor {
  const approximate = options.approximate ?? 'none';
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new ArgumentError('gelu', `approximate must be 'none' or 'tanh', got "${approximate}"`);
  }
  return tidy(() => {
    const inner =
      approximate === 'tanh'
        ? tanh(mul(add(x, mul(mul(mul(x, x), x), 0.044715)), SQRT_2_OVER_PI))
        : erf(mul(x, Math.SQRT1_2));
    return mul(mul(x, add(inner, 1)), 0.5);
  });
}

/**
 * SiLU, also called Swish: x·σ(x) (Elfwing et al., 2017; Ramachandran et al., 2017).
 *
 * @example
 * silu(tensor([1])); // [0.7311]
 */
export function silu(x: Tensor): Tensor {
  return tidy(() => mul(x, sigmoid(x)));
}

/** Swish (β = 1), the same function as `silu`. */
export const swish = silu;

/**
 * Mish x·tanh(softplus(x)) (Misra, 2019).
 *
 * @example
 * mish(tensor([1])); // [0.8651]
 */
export function mish(x: Tensor): Tensor {
  return tidy(() => mul(x, tanh(softplusPrimitive(x))));
}

/**
 * log σ(x) = −softplus(−x), computed without forming σ(x) so it stays finite and exact for very
 * negative x, as PyTorch's `logsigmoid`.
 *
 * @example
 * logSigmoid(tensor([0, -100])); // [-0.6931, -100]
 */
export function logSigmoid(x: Tensor): Tensor {
  return tidy(() => neg(softplusPrimitive(neg(x))));
}
