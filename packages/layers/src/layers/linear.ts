import { add, matmul, ShapeError, type Tensor, tidy } from '@nagare/tensor';
import { Module } from '../module';
import { resolveGenerator } from '../random';
import { createParameter, defaultBiasInit, defaultWeightInit, type WeightBiasOptions } from './options';
import { checkPositiveInteger } from './sizes';

/**
 * A fully connected layer y = x·Wᵀ + b on the last axis: `[..., inFeatures]` → `[..., outFeatures]`.
 * Parameters `weight` `[outFeatures, inFeatures]` and `bias` `[outFeatures]`, initialized as
 * PyTorch's `nn.Linear` (both U(−1/√inFeatures, 1/√inFeatures)).
 *
 * @example
 * const fc = new Linear(784, 10, { seed: 0 });
 * fc.call(randn([32, 784])).shape; // [32, 10]
 */
export class Linear extends Module {
  readonly weight: Tensor;
  readonly bias: Tensor | null;

  constructor(
    readonly inFeatures: number,
    readonly outFeatures: number,
    options: WeightBiasOptions = {},
  ) {
    super();
    checkPositiveInteger('Linear', 'inFeatures', inFeatures);
    checkPositiveInteger('Linear', 'outFeatures', outFeatures);
    const generator = resolveGenerator(options);
    const weightInit = options.weightInit ?? defaultWeightInit;
    this.weight = this.registerParameter(
      'weight',
      createParameter([outFeatures, inFeatures], weightInit, options, generator),
    );
    const biasInit = options.biasInit ?? defaultBiasInit(inFeatures);
    this.bias =
      options.bias === false
        ? null
        : this.registerParameter('bias', createParameter([outFeatures], biasInit, options, generator));
  }

  forward(x: Tensor): Tensor {
    if (x.rank === 0 || x.shape[x.rank - 1] !== this.inFeatures) {
      throw new ShapeError('Linear', `expected input [..., ${this.inFeatures}]`, {
        x: x.shape,
        weight: this.weight.shape,
      });
    }
    return tidy(() => {
      const y = matmul(x, this.weight, { transposeB: true });
      return this.bias ? add(y, this.bias) : y;
    });
  }

  override extraRepr(): string {
    return `inFeatures=${this.inFeatures}, outFeatures=${this.outFeatures}, bias=${this.bias !== null}`;
  }
}
