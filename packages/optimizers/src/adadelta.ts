import { adadeltaUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkNumber, NON_NEGATIVE, UNIT_INTERVAL } from './validate';

/** Options of AdaDelta. */
export interface AdadeltaOptions extends OptimizerOptions {
  /** Decay ρ of both running averages. Default 0.9. */
  rho: number;
  /** Added inside both square roots. Default 1e-6. */
  eps: number;
}

/**
 * AdaDelta (Zeiler 2012): E[g²] ← ρE[g²] + (1−ρ)g²; Δ = √(E[Δ²]+ε)/√(E[g²]+ε)·g;
 * E[Δ²] ← ρE[Δ²] + (1−ρ)Δ²; w ← w − lr·Δ. The ratio gives steps the parameter's units, so lr
 * defaults to 1.
 *
 * @example
 * const optimizer = new Adadelta(model.parameters());
 * optimizer.step();
 */
export class Adadelta extends Optimizer<AdadeltaOptions> {
  constructor(params: ParamsInput<AdadeltaOptions>, options: Partial<AdadeltaOptions> = {}) {
    super('Adadelta', params, {
      lr: 1,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      rho: 0.9,
      eps: 1e-6,
      ...options,
    });
  }

  protected checkOptions(options: AdadeltaOptions): void {
    checkNumber(this.name, 'rho', options.rho, UNIT_INTERVAL);
    checkNumber(this.name, 'eps', options.eps, NON_NEGATIVE);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdadeltaOptions>,
    lr: number,
  ): void {
    const squareAvg = this.buffer(param, state, 'squareAvg');
    const deltaAvg = this.buffer(param, state, 'deltaAvg');
    const { rho, eps, weightDecay, decoupledWeightDecay } = group;
    adadeltaUpdate(param, grad, { squareAvg, deltaAvg }, { lr, rho, eps, weightDecay, decoupledWeightDecay });
  }
}
