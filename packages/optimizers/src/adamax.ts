import { adamaxUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkBetas, checkNumber, NON_NEGATIVE } from './validate';

/** Options of Adamax. */
export interface AdamaxOptions extends OptimizerOptions {
  /** Decay rates [β1, β2] of the first moment and of the infinity norm. Default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** Added to |g| so the norm is never zero. Default 1e-8. */
  eps: number;
}

/**
 * Adamax (Kingma & Ba 2015, Algorithm 2): Adam with the infinity norm, u ← max(β2·u, |g| + ε);
 * w ← w − lr/(1−β1ᵗ)·m/u. ε follows PyTorch (the paper has none). Default lr 2e-3.
 *
 * @example
 * const optimizer = new Adamax(model.parameters());
 * optimizer.step();
 */
export class Adamax extends Optimizer<AdamaxOptions> {
  constructor(params: ParamsInput<AdamaxOptions>, options: Partial<AdamaxOptions> = {}) {
    const defaults = {
      lr: 2e-3,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      betas: [0.9, 0.999] as const,
      eps: 1e-8,
    };
    super('Adamax', params, { ...defaults, ...options });
  }

  protected checkOptions(options: AdamaxOptions): void {
    checkBetas(this.name, options.betas);
    checkNumber(this.name, 'eps', options.eps, NON_NEGATIVE);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdamaxOptions>,
    lr: number,
  ): void {
    const m = this.buffer(param, state, 'm');
    const u = this.buffer(param, state, 'u');
    const { betas, eps, weightDecay, decoupledWeightDecay } = group;
    adamaxUpdate(
      param,
      grad,
      { m, u },
      { lr, beta1: betas[0], beta2: betas[1], eps, step: state.step, weightDecay, decoupledWeightDecay },
    );
  }
}
