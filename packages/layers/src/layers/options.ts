import { type Generator, type Tensor, zeros } from '@nagare/tensor';
import { uniform } from '../init/basic';
import { heUniform } from '../init/scaled';
import { type RandomSource, resolveGenerator } from '../random';

/** The dtypes a layer's parameters can have. */
export type FloatDType = 'float32' | 'float64';

/** Fills a freshly created parameter in place, drawing from `options.generator`. */
export type Initializer = (t: Tensor, options: { generator: Generator }) => Tensor;

/** Options every layer with parameters takes. */
export interface ParameterOptions extends RandomSource {
  /** dtype of the parameters (default float32; float64 for gradchecks). */
  dtype?: FloatDType;
}

/** Options of a layer with a weight and an optional bias, whose initializers can be replaced. */
export interface WeightBiasOptions extends ParameterOptions {
  /** Learn an additive bias (default true). */
  bias?: boolean;
  /** Replaces the default weight initialization (PyTorch's: He uniform with a = √5). */
  weightInit?: Initializer;
  /** Replaces the default bias initialization (PyTorch's: U(−1/√fanIn, 1/√fanIn)). */
  biasInit?: Initializer;
}

/**
 * PyTorch's default weight init for Linear and Conv: He uniform with a = √5, i.e.
 * U(−1/√fanIn, 1/√fanIn) for a weight `[out, in, ...kernel]`.
 *
 * @example
 * model.apply((m) => { if (m instanceof Linear) defaultWeightInit(m.weight, { generator: new Generator(0) }); });
 */
export const defaultWeightInit: Initializer = (t, options) => heUniform(t, { ...options, a: Math.sqrt(5) });

/**
 * PyTorch's default bias init for Linear and Conv: U(−1/√fanIn, 1/√fanIn) (zeros when fanIn is 0).
 *
 * @example
 * new Linear(4, 2, { biasInit: defaultBiasInit(100) }); // a bias as wide as for 100 inputs
 */
export function defaultBiasInit(fanIn: number): Initializer {
  const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
  return (t, options) => uniform(t, { ...options, low: -bound, high: bound });
}

/** A new parameter tensor of `shape`, filled by `initializer` from the layer's random source (internal). */
export function createParameter(
  shape: readonly number[],
  initializer: Initializer,
  options: ParameterOptions,
  generator = resolveGenerator(options),
): Tensor {
  const t = zeros(shape, { dtype: options.dtype ?? 'float32' });
  return initializer(t, { generator });
}
