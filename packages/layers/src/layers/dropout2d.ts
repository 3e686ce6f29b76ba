import { type Generator, ShapeError, type Tensor } from '@nagare/tensor';
import { Module } from '../module';
import { type RandomSource, resolveGenerator } from '../random';
import { applyDropoutMask, checkProbability } from './dropout';

/**
 * Channel dropout (Tompson et al., 2015; PyTorch's `nn.Dropout2d`): zeroes whole channels of
 * `[N, C, H, W]` (or `[N, C, L]`) with probability `p` and scales the others by 1/(1 − p), since
 * neighbouring pixels of a feature map are too correlated for element dropout to regularize.
 *
 * @example
 * const drop = new Dropout2d(0.2, { seed: 0 });
 * drop.call(randn([8, 16, 10, 10])); // each of the 8·16 feature maps kept or zeroed whole
 */
export class Dropout2d extends Module {
  /** The random stream of this layer (public so checkpoints can save and restore it). */
  readonly generator: Generator;

  constructor(
    readonly p = 0.5,
    options: RandomSource = {},
  ) {
    super();
    checkProbability('Dropout2d', p);
    this.generator = resolveGenerator(options);
  }

  forward(x: Tensor): Tensor {
    if (x.rank < 3)
      throw new ShapeError('Dropout2d', 'expected an input [N, C, H, W] or [N, C, L]', { x: x.shape });
    if (!this.training) return x;
    const maskShape = [x.shape[0], x.shape[1], ...new Array<number>(x.rank - 2).fill(1)];
    return applyDropoutMask(x, this.p, maskShape, this.generator);
  }

  override extraRepr(): string {
    return `p=${this.p}`;
  }
}
