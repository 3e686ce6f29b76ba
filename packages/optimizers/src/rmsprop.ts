import { rmspropUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkBoolean, checkNumber, NON_NEGATIVE, UNIT_INTERVAL } from './validate';

/** Options of RMSProp. */
export interface RmspropOptions extends OptimizerOptions {
  /** Smoothing constant α of the running mean of g². Default 0.99. */
  alpha: number;
  /** Added to the root mean square. Default 1e-8. */
  eps: number;
  /** Momentum on the scaled step (0 = none). Default 0. */
  momentum: number;
  /** Normalize by the estimated variance √(E[g²] − E[g]²) instead of √E[g²]. Default false. */
  centered: boolean;
}

/**
 * RMSProp (Hinton's lecture 6e, in PyTorch's form): s ← αs + (1−α)g²; w ← w − lr·g/(√s + ε).
 * `centered` subtracts the squared running mean of g; `momentum` keeps b ← μb + g/(√s + ε) and
 * steps w ← w − lr·b. Default lr 0.01.
 *
 * @example
 * const optimizer = new RMSProp(model.parameters(), { lr: 1e-3, centered: true });
 * optimizer.step();
 */
export class RMSProp extends Optimizer<RmspropOptions> {
  constructor(params: ParamsInput<RmspropOptions>, options: Partial<RmspropOptions> = {}) {
    const defaults = {
      lr: 0.01,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      alpha: 0.99,
      eps: 1e-8,
      momentum: 0,
      centered: false,
    };
    super('RMSProp', params, { ...defaults, ...options });
  }

  protected checkOptions(options: RmspropOptions): void {
    checkNumber(this.name, 'alpha', options.alpha, UNIT_INTERVAL);
    checkNumber(this.name, 'eps', options.eps, NON_NEGATIVE);
    checkNumber(this.name, 'momentum', options.momentum, NON_NEGATIVE);
    checkBoolean(this.name, 'centered', options.centered);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<RmspropOptions>,
    lr: number,
  ): void {
    const { alpha, eps, momentum, centered, weightDecay, decoupledWeightDecay } = group;
    const buffers = {
      squareAvg: this.buffer(param, state, 'squareAvg'),
      gradAvg: centered ? this.buffer(param, state, 'gradAvg') : undefined,
      momentumBuffer: momentum > 0 ? this.buffer(param, state, 'momentumBuffer') : undefined,
    };
    rmspropUpdate(param, grad, buffers, { lr, alpha, eps, momentum, weightDecay, decoupledWeightDecay });
  }
}
