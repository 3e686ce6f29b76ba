import {
  ArgumentError,
  full,
  normal as normalSamples,
  type Tensor,
  tensor,
  uniform as uniformSamples,
} from '@nagare/tensor';
import { resolveGenerator } from '../random';
import { checkFinite, fillWith, type InitOptions } from './fill';
import { normalCdf, normalQuantile } from './normal-cdf';

/**
 * Fills `t` with `value` in place and returns it (`torch.nn.init.constant_`).
 *
 * @example
 * init.constant(linear.bias!, 0.1);
 */
export function constant(t: Tensor, value: number): Tensor {
  checkFinite('init.constant', 'value', value);
  return fillWith('init.constant', t, () => full(t.shape, value, { dtype: t.dtype }));
}

/**
 * Fills `t` with zeros in place (`torch.nn.init.zeros_`). Zero weights make every unit of a layer
 * compute the same thing and get the same gradient, so they never differ: use it for biases.
 *
 * @example
 * init.zeros(linear.bias!);
 */
export function zeros(t: Tensor): Tensor {
  return constant(t, 0);
}

/**
 * Fills `t` with ones in place (`torch.nn.init.ones_`), e.g. a normalization layer's scale.
 *
 * @example
 * init.ones(batchNorm.weight!);
 */
export function ones(t: Tensor): Tensor {
  return constant(t, 1);
}

/**
 * Fills `t` with samples of U(low, high) in place (default U(0, 1)); variance (high − low)²/12.
 *
 * @example
 * init.uniform(w, { low: -0.1, high: 0.1, seed: 0 });
 */
export function uniform(t: Tensor, options: InitOptions & { low?: number; high?: number } = {}): Tensor {
  const { low = 0, high = 1 } = options;
  checkFinite('init.uniform', 'low', low);
  checkFinite('init.uniform', 'high', high);
  if (low > high) throw new ArgumentError('init.uniform', `low ${low} is above high ${high}`);
  const generator = resolveGenerator(options);
  return fillWith('init.uniform', t, () => uniformSamples(t.shape, low, high, { generator, dtype: t.dtype }));
}

/**
 * Fills `t` with samples of N(mean, std²) in place (default N(0, 1)).
 *
 * @example
 * init.normal(embedding.weight, { std: 0.02, seed: 0 });
 */
export function normal(t: Tensor, options: InitOptions & { mean?: number; std?: number } = {}): Tensor {
  const { mean = 0, std = 1 } = options;
  checkFinite('init.normal', 'mean', mean);
  checkFinite('init.normal', 'std', std);
  if (std < 0) throw new ArgumentError('init.normal', `std must be ≥ 0, got ${std}`);
  const generator = resolveGenerator(options);
  return fillWith('init.normal', t, () => normalSamples(t.shape, mean, std, { generator, dtype: t.dtype }));
}

/** Options of `truncatedNormal`: N(mean, std²) restricted to [a, b] (absolute bounds, as PyTorch). */
export interface TruncatedNormalOptions extends InitOptions {
  mean?: number;
  std?: number;
  /** Lower bound (default −2). */
  a?: number;
  /** Upper bound (default 2). */
  b?: number;
}

/**
 * Fills `t` in place with samples of N(mean, std²) truncated to [a, b] (`torch.nn.init.trunc_normal_`:
 * defaults mean 0, std 1, a −2, b 2, bounds absolute). Sampled exactly by inverting the CDF, so
 * even a window far in a tail costs no rejections.
 *
 * @example
 * init.truncatedNormal(w, { std: 0.02, a: -0.04, b: 0.04, seed: 0 });
 */
export function truncatedNormal(t: Tensor, options: TruncatedNormalOptions = {}): Tensor {
  const { mean = 0, std = 1, a = -2, b = 2 } = options;
  for (const [name, value] of Object.entries({ mean, std })) checkFinite('init.truncatedNormal', name, value);
  if (!(std > 0)) throw new ArgumentError('init.truncatedNormal', `std must be > 0, got ${std}`);
  if (!(a < b)) throw new ArgumentError('init.truncatedNormal', `need a < b, got a ${a}, b ${b}`);
  // Sample the standardized window on the side where Φ is small, where float64 resolves it best.
  const isMirrored = (a - mean) / std > 0;
  const alpha = isMirrored ? (mean - b) / std : (a - mean) / std;
  const beta = isMirrored ? (mean - a) / std : (b - mean) / std;
  const low = normalCdf(alpha);
  const high = normalCdf(beta);
  const generator = resolveGenerator(options);
  const values = new Float64Array(t.size);
  for (let i = 0; i < values.length; i++) {
    const z = normalQuantile(low + (high - low) * generator.nextFloat());
    // Rounding can land a hair outside the window; clamp as PyTorch does.
    values[i] = Math.min(b, Math.max(a, mean + std * (isMirrored ? -z : z)));
  }
  return fillWith('init.truncatedNormal', t, () => tensor(values, { shape: t.shape, dtype: t.dtype }));
}
