import { ArgumentError, type Generator, gt, mul, type Tensor, tidy, uniform, where } from '@nagare/tensor';
import { Module } from '../module';
import { type RandomSource, resolveGenerator } from '../random';

/** Options of `rrelu`. */
export interface RReLUOptions extends RandomSource {
  /** Smallest random slope (default 1/8, as PyTorch). */
  lower?: number;
  /** Largest random slope (default 1/3, as PyTorch). */
  upper?: number;
  /** Draw random slopes (default false, as PyTorch's functional `rrelu`); false uses their mean. */
  training?: boolean;
}

function checkSlopes(op: string, lower: number, upper: number): void {
  if (!Number.isFinite(lower) || !Number.isFinite(upper) || lower > upper) {
    throw new ArgumentError(op, `need finite slopes with lower ≤ upper (lower: ${lower}, upper: ${upper})`);
  }
}

/** x for x > 0, else slope·x: one slope per element drawn from U(lower, upper) in training, their mean otherwise. */
function randomizedLeaky(x: Tensor, lower: number, upper: number, training: boolean, generator: Generator) {
  return tidy(() => {
    const slope =
      training && lower < upper
        ? uniform(x.shape, lower, upper, { generator, dtype: x.dtype })
        : (lower + upper) / 2;
    return where(gt(x, 0), x, mul(x, slope));
  });
}

/**
 * Randomized leaky ReLU (Xu et al., 2015), as PyTorch's `rrelu`: x for x > 0, else a·x with a drawn
 * uniformly from [`lower`, `upper`] per element in training, and a = (lower + upper)/2 otherwise.
 *
 * @example
 * rrelu(tensor([-1, 2]));                               // [-0.2292, 2]
 * rrelu(tensor([-1, 2]), { training: true, seed: 0 }); // slope in [1/8, 1/3]
 */
export function rrelu(x: Tensor, options: RReLUOptions = {}): Tensor {
  const { lower = 1 / 8, upper = 1 / 3, training = false } = options;
  checkSlopes('rrelu', lower, upper);
  return randomizedLeaky(x, lower, upper, training, resolveGenerator(options));
}

/**
 * Randomized leaky ReLU as a layer: random negative slopes from U(`lower`, `upper`) in training
 * (drawn from its seeded generator), the fixed mean slope (lower + upper)/2 after `eval()`.
 *
 * @example
 * const act = new RReLU(0.1, 0.3, { seed: 0 });
 * act.call(x);        // training: random slopes
 * act.eval().call(x); // slope 0.2
 */
export class RReLU extends Module {
  /** The random stream of this layer (public so checkpoints can save and restore it). */
  readonly generator: Generator;

  constructor(
    readonly lower = 1 / 8,
    readonly upper = 1 / 3,
    options: RandomSource = {},
  ) {
    super();
    checkSlopes('RReLU', lower, upper);
    this.generator = resolveGenerator(options);
  }

  forward(x: Tensor): Tensor {
    return randomizedLeaky(x, this.lower, this.upper, this.training, this.generator);
  }

  override extraRepr(): string {
    return `lower=${this.lower}, upper=${this.upper}`;
  }
}
