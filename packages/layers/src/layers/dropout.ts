import { ArgumentError, bernoulli, type Generator, mul, type Tensor, tidy } from '@nagare/tensor';
import { Module } from '../module';
import { type RandomSource, resolveGenerator } from '../random';

/** Throws unless `p` is a probability in [0, 1]. */
export function checkProbability(op: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError(op, `p must be in [0, 1], got ${p}`);
}

/**
 * x·m/(1 − p) with m ~ Bernoulli(1 − p) of `maskShape` (broadcast over x): zeroes entries (or whole
 * channels, for a channel mask) and rescales the rest so the expected value is unchanged.
 */
export function applyDropoutMask(
  x: Tensor,
  p: number,
  maskShape: readonly number[],
  generator: Generator,
): Tensor {
  if (p === 0) return x;
  return tidy(() => {
    if (p === 1) return mul(x, 0);
    const mask = bernoulli(maskShape, 1 - p, { generator, dtype: x.dtype });
    return mul(x, mul(mask, 1 / (1 - p)));
  });
}

/** Options of the functional `dropout`. */
export interface DropoutOptions extends RandomSource {
  /** Apply dropout (default true); false returns the input, as in evaluation. */
  training?: boolean;
}

/**
 * Inverted dropout (Srivastava et al., 2014): zeroes each element with probability `p` and scales
 * the rest by 1/(1 − p), in training only. Any shape.
 *
 * @example
 * dropout(ones([2, 4]), 0.5, { seed: 0 }); // entries 0 or 2
 */
export function dropout(x: Tensor, p: number, options: DropoutOptions = {}): Tensor {
  checkProbability('dropout', p);
  if (options.training === false) return x;
  return applyDropoutMask(x, p, x.shape, resolveGenerator(options));
}

/**
 * Dropout as a layer: active in training mode, the identity after `eval()`. Give a `seed` (or a
 * generator) for reproducible masks; each call draws the next masks from that stream.
 *
 * @example
 * const drop = new Dropout(0.5, { seed: 0 });
 * drop.call(x);        // training: about half the entries zeroed, the rest doubled
 * drop.eval().call(x); // x unchanged
 */
export class Dropout extends Module {
  /** The random stream of this layer (public so checkpoints can save and restore it). */
  readonly generator: Generator;

  constructor(
    readonly p = 0.5,
    options: RandomSource = {},
  ) {
    super();
    checkProbability('Dropout', p);
    this.generator = resolveGenerator(options);
  }

  forward(x: Tensor): Tensor {
    return this.training ? applyDropoutMask(x, this.p, x.shape, this.generator) : x;
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
