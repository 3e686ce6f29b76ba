import { BatchNorm1d, Flatten, init, Linear, ReLU, Sequential } from '@nagare/layers';
import { Generator, type Tensor } from '@nagare/tensor';

/** Options of `scaledMlp`. */
export interface ScaledMlpOptions {
  hidden: readonly number[];
  /** Standard deviation of every weight: N(0, scale²). Biases start at 0. */
  scale: number;
  /** A BatchNorm1d between each hidden Linear and its ReLU. */
  hasBatchNorm: boolean;
  seed: number;
}

/**
 * The lecture's deep MLP for the BatchNorm comparison (ゼロから作るDeep Learning, ch. 6.3):
 * `784 → hidden… → 10` with ReLU, weights N(0, scale²), zero biases, and optionally BatchNorm
 * before each ReLU. The same seed gives the same weights (up to the scale) with and without BN.
 * Input `[N, 1, 28, 28]` → logits `[N, 10]`.
 *
 * @example
 * scaledMlp({ hidden: [100, 100], scale: 0.01, hasBatchNorm: true, seed: 0 }).call(zeros([2, 1, 28, 28]));
 */
export function scaledMlp(options: ScaledMlpOptions): Sequential {
  const generator = new Generator(options.seed);
  const layer = {
    generator,
    weightInit: (t: Tensor, { generator: g }: { generator: Generator }) =>
      init.normal(t, { std: options.scale, generator: g }),
    biasInit: (t: Tensor) => init.zeros(t),
  };
  const model = new Sequential(new Flatten());
  let width = 784;
  for (const size of options.hidden) {
    model.append(new Linear(width, size, layer));
    if (options.hasBatchNorm) model.append(new BatchNorm1d(size));
    model.append(new ReLU());
    width = size;
  }
  model.append(new Linear(width, 10, layer));
  return model;
}
