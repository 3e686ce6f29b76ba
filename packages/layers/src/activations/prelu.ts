import { full, type Tensor } from '@nagare/tensor';
import type { FloatDType } from '../layers/options';
import { checkPositiveInteger } from '../layers/sizes';
import { Module } from '../module';
import { prelu } from './rectifiers';

/** Options of `PReLU`. */
export interface PReLUOptions {
  /** Initial slope (default 0.25, as PyTorch). */
  init?: number;
  dtype?: FloatDType;
}

/**
 * Parametric ReLU with a learned negative slope (He et al., 2015): one slope shared by every
 * channel (`numParameters = 1`, the default) or one per channel (`numParameters = C`, channels on
 * axis 1). Parameter `weight` `[numParameters]`, initialized to 0.25.
 *
 * @example
 * const act = new PReLU(16);            // per channel, for [N, 16, H, W]
 * act.call(randn([2, 16, 8, 8])).shape; // [2, 16, 8, 8]
 */
export class PReLU extends Module {
  readonly weight: Tensor;

  /** Number of slopes: 1 (shared) or the channel count. (`numParameters()` is the Module method.) */
  readonly numWeights: number;

  constructor(numParameters = 1, options: PReLUOptions = {}) {
    super();
    checkPositiveInteger('PReLU', 'numParameters', numParameters);
    this.numWeights = numParameters;
    this.weight = this.registerParameter(
      'weight',
      full([numParameters], options.init ?? 0.25, { dtype: options.dtype ?? 'float32' }),
    );
  }

  forward(x: Tensor): Tensor {
    return prelu(x, this.weight);
  }

  override extraRepr(): string {
    return `numParameters=${this.numWeights}`;
  }
}
