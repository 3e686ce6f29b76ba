import { add, bernoulli, type Generator, mul, sub, type Tensor, tidy } from '@nagare/tensor';
import { SELU_ALPHA, SELU_SCALE } from '../activations/rectifiers';
import { Module } from '../module';
import { type RandomSource, resolveGenerator } from '../random';
import { checkProbability } from './dropout';

/** SELU's negative saturation value α' = −λα that dropped units are set to. */
const ALPHA_PRIME = -SELU_SCALE * SELU_ALPHA;

/**
 * Alpha dropout (Klambauer et al., 2017), the dropout for SELU networks: dropped units are set to
 * SELU's saturation value α' = −λα instead of 0, then an affine map a·x + b restores the input's
 * mean and variance, with a = ((1 − p)(1 + p·α'²))^(−1/2) and b = −a·α'·p (for inputs of mean 0,
 * variance 1). The identity in evaluation mode.
 *
 * @example
 * const drop = new AlphaDropout(0.1, { seed: 0 });
 * drop.call(selu(x)); // mean and variance kept near 0 and 1
 */
export class AlphaDropout extends Module {
  /** The random stream of this layer (public so checkpoints can save and restore it). */
  readonly generator: Generator;

  constructor(
    readonly p = 0.5,
    options: RandomSource = {},
  ) {
    super();
    checkProbability('AlphaDropout', p);
    this.generator = resolveGenerator(options);
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    const p = this.p;
    return tidy(() => {
      if (p === 1) return mul(x, 0);
      const a = 1 / Math.sqrt((1 - p) * (1 + p * ALPHA_PRIME ** 2));
      const b = -a * ALPHA_PRIME * p;
      const keep = bernoulli(x.shape, 1 - p, { generator: this.generator, dtype: x.dtype });
      // x·keep + α'·(1 − keep), then a·(·) + b.
      const dropped = add(mul(x, keep), mul(sub(1, keep), ALPHA_PRIME));
      return add(mul(dropped, a), b);
    });
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
