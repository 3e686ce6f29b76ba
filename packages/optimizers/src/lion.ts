import { lionUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkBetas } from './validate';

/** Options of Lion. */
export interface LionOptions extends OptimizerOptions {
  /** (β1, β2): β1 interpolates the step direction, β2 the stored momentum. Default `[0.9, 0.99]`. */
  betas: readonly [number, number];
}

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"):
 * w ← w − lr·sign(β1·m + (1−β1)·g); m ← β2·m + (1−β2)·g. Every coordinate moves by exactly lr,
 * so lr is typically 3–10× smaller than Adam's (default 1e-4); the paper's decay is
 * `decoupledWeightDecay`.
 *
 * @example
 * const optimizer = new Lion(model.parameters(), { lr: 3e-4, decoupledWeightDecay: 0.1 });
 * optimizer.step();
 */
export class Lion extends Optimizer<LionOptions> {
  constructor(params: ParamsInput<LionOptions>, options: Partial<LionOptions> = {}) {
    super('Lion', params, {
      lr: 1e-4,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      betas: [0.9, 0.99] as const,
      ...options,
    });
  }

  protected checkOptions(options: LionOptions): void {
    checkBetas(this.name, options.betas);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<LionOptions>,
    lr: number,
  ): void {
    const m = this.buffer(param, state, 'm');
    const { betas, weightDecay, decoupledWeightDecay } = group;
    lionUpdate(
      param,
      grad,
      { m },
      { lr, beta1: betas[0], beta2: betas[1], weightDecay, decoupledWeightDecay },
    );
  }
}
