import { init } from '@nagare/layers';
import { Generator, matmul, randn, relu, sigmoid, type Tensor, tanh, tidy, zeros } from '@nagare/tensor';

/** The weight initializations of the lecture's figure. */
export const WEIGHT_INITS = ['normal 1', 'normal 0.01', 'xavier', 'he'] as const;
export type WeightInit = (typeof WEIGHT_INITS)[number];

/** The activations of the lecture's figure. */
export const HISTOGRAM_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type HistogramActivation = (typeof HISTOGRAM_ACTIVATIONS)[number];

/** How each initialization is labelled in the report. */
export const INIT_LABELS: Record<WeightInit, string> = {
  'normal 1': 'N(0, 1)',
  'normal 0.01': 'N(0, 0.01²)',
  xavier: 'Xavier (std 1/√n)',
  he: 'He (std √(2/n))',
};

const ACTIVATIONS: Record<HistogramActivation, (x: Tensor) => Tensor> = { sigmoid, tanh, relu };

function initialize(weights: Tensor, kind: WeightInit, generator: Generator): Tensor {
  switch (kind) {
    case 'normal 1':
      return init.normal(weights, { std: 1, generator });
    case 'normal 0.01':
      return init.normal(weights, { std: 0.01, generator });
    case 'xavier':
      // Glorot's √(2/(fanIn+fanOut)) equals the lecture's 1/√n for square layers.
      return init.xavierNormal(weights, { generator });
    case 'he':
      return init.heNormal(weights, { generator });
  }
}

/** Summary statistics of one layer's activations. */
export interface LayerStats {
  mean: number;
  std: number;
  /**
   * The share of units that carry no signal: within 0.02 of a sigmoid's or tanh's flat ends
   * (0 or 1, ±1: saturated, gradient ≈ 0), or exactly 0 after ReLU (dead).
   */
  saturated: number;
}

/** Mean, standard deviation and saturated share of `values` after `activation`. */
export function layerStats(values: Float32Array, activation: HistogramActivation): LayerStats {
  let sum = 0;
  let saturated = 0;
  for (const v of values) {
    sum += v;
    const isFlat =
      activation === 'relu' ? v === 0 : activation === 'tanh' ? Math.abs(v) > 0.98 : v < 0.02 || v > 0.98;
    if (isFlat) saturated++;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, std: Math.sqrt(squares / values.length), saturated: saturated / values.length };
}

/** Options of `deepActivations`. */
export interface DeepActivationsOptions {
  samples: number;
  units: number;
  layers: number;
  seed: number;
}

/**
 * The lecture's experiment (ゼロから作るDeep Learning, ch. 6.2): `samples` random N(0, 1) inputs
 * of `units` features through `layers` fully connected layers of `units` units without biases,
 * each followed by `activation`, with weights drawn by `kind`. Returns each layer's activations.
 * The input is the same for every call with the same seed, so the initializations compare.
 *
 * @example
 * const layers = deepActivations('xavier', 'sigmoid', { samples: 1000, units: 100, layers: 5, seed: 0 });
 * layers.length; // 5, each 1000 × 100 values
 */
export function deepActivations(
  kind: WeightInit,
  activation: HistogramActivation,
  options: DeepActivationsOptions,
): Float32Array[] {
  const generator = new Generator(options.seed + 1);
  return tidy(() => {
    let x = randn([options.samples, options.units], { seed: options.seed });
    const outputs: Float32Array[] = [];
    for (let layer = 0; layer < options.layers; layer++) {
      const weights = initialize(zeros([options.units, options.units]), kind, generator);
      x = ACTIVATIONS[activation](matmul(x, weights));
      outputs.push(Float32Array.from(x.dataSync()));
    }
    return outputs;
  });
}
