import { adamUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkBetas, checkBoolean, checkNumber, NON_NEGATIVE } from './validate';

/** Options of Adam and AdamW. */
export interface AdamOptions extends OptimizerOptions {
  /** Decay rates [β1, β2] of the first and second moment estimates. Default [0.9, 0.999]. */
  betas: readonly [number, number];
  /** Added to √v̂ in the denominator. Default 1e-8. */
  eps: number;
  /** AMSGrad (Reddi et al. 2018): divide by the running maximum of v. Default false. */
  amsgrad: boolean;
}

/**
 * Adam (Kingma & Ba 2015, Algorithm 1): m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²;
 * w ← w − lr·m̂/(√v̂ + ε) with the bias-corrected m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ). `weightDecay` is
 * coupled L2 (added to g); for decoupled decay use AdamW or `decoupledWeightDecay`. Default lr 1e-3.
 *
 * @example
 * const optimizer = new Adam(model.parameters(), { lr: 1e-3, amsgrad: true });
 * optimizer.step();
 */
export class Adam extends Optimizer<AdamOptions> {
  /** The name errors use; AdamW overrides it. */
  static readonly displayName: string = 'Adam';

  constructor(params: ParamsInput<AdamOptions>, options: Partial<AdamOptions> = {}) {
    const defaults = {
      lr: 1e-3,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      betas: [0.9, 0.999] as const,
      eps: 1e-8,
      amsgrad: false,
    };
    super((new.target as typeof Adam).displayName, params, { ...defaults, ...options });
  }

  protected checkOptions(options: AdamOptions): void {
    checkBetas(this.name, options.betas);
    checkNumber(this.name, 'eps', options.eps, NON_NEGATIVE);
    checkBoolean(this.name, 'amsgrad', options.amsgrad);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdamOptions>,
    lr: number,
  ): void {
    const { betas, eps, amsgrad, weightDecay, decoupledWeightDecay } = group;
    const buffers = {
      m: this.buffer(param, state, 'm'),
      v: this.buffer(param, state, 'v'),
      vMax: amsgrad ? this.buffer(param, state, 'vMax') : undefined,
    };
    const [beta1, beta2] = betas;
    adamUpdate(param, grad, buffers, {
      lr,
      beta1,
      beta2,
      eps,
      step: state.step,
      weightDecay,
      decoupledWeightDecay,
    });
  }
}
