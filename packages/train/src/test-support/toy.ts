// Tiny seeded problems for this package's tests (not exported).
import '@nagare/autograd';
import { blobs, TensorDataset } from '@nagare/data';
import { crossEntropy, Linear, Module, ReLU, Sequential } from '@nagare/layers';
import { Generator, randn, type Tensor, tensor } from '@nagare/tensor';

export { crossEntropy };

/** A 2-16-3 MLP with fixed seeds. */
export function tinyMlp(seed = 1, hidden = 16, classes = 3): Sequential {
  return new Sequential(
    new Linear(2, hidden, { seed }),
    new ReLU(),
    new Linear(hidden, classes, { seed: seed + 1 }),
  );
}

/** 3 Gaussian blobs in 2-D: an easy 3-class problem. */
export function blobData(n = 240, seed = 1) {
  return blobs(n, { seed });
}

/**
 * Adds Gaussian noise drawn from a generator it owns (a public field), in training mode: a stand-in
 * for any layer with its own random stream, to test that checkpoints capture such streams.
 */
export class NoisyLayer extends Module {
  readonly generator: Generator;

  constructor(
    readonly std: number,
    seed: number,
  ) {
    super();
    this.generator = new Generator(seed);
  }

  forward(x: Tensor): Tensor {
    if (!this.training) return x;
    return x.add(randn(x.shape, { generator: this.generator }).mul(this.std));
  }
}

/** A 2-D regression set y = 2·x₀ − x₁ + 0.5. */
export function linearData(n = 64, seed = 3): TensorDataset {
  const g = new Generator(seed);
  const x = Array.from({ length: n }, () => [g.nextNormal(), g.nextNormal()]);
  const y = x.map(([a, b]) => [2 * a - b + 0.5]);
  const xs = tensor(x);
  const ys = tensor(y);
  const ds = new TensorDataset(xs, ys);
  xs.dispose();
  ys.dispose();
  return ds;
}
