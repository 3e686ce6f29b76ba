import { adagradUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkNumber, NON_NEGATIVE } from './validate';

/** Options of AdaGrad. */
export interface AdagradOptions extends OptimizerOptions {
  /** The lr of step t is lr / (1 + (t − 1)·lrDecay). Default 0. */
  lrDecay: number;
  /** Starting value of the sum of squared gradients. Default 0. */
  initialAccumulatorValue: number;
  /** Added to √h so the first steps stay finite. Default 1e-10. */
  eps: number;
}

/**
 * AdaGrad (Duchi et al. 2011): h ← h + g²; w ← w − lr·g / (√h + ε). Each coordinate's step
 * shrinks with the gradients it has seen. Default lr 0.01.
 *
 * @example
 * const optimizer = new Adagrad(model.parameters(), { lr: 0.1 });
 * optimizer.step();
 */
export class Adagrad extends Optimizer<AdagradOptions> {
  constructor(params: ParamsInput<AdagradOptions>, options: Partial<AdagradOptions> = {}) {
    const defaults = {
      lr: 0.01,
      weightDecay: 0,
      decoupledWeightDecay: 0,
      lrDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
    };
    super('Adagrad', params, { ...defaults, ...options });
  }

  protected checkOptions(options: AdagradOptions): void {
    checkNumber(this.name, 'lrDecay', options.lrDecay, NON_NEGATIVE);
    checkNumber(this.name, 'initialAccumulatorValue', options.initialAccumulatorValue, NON_NEGATIVE);
    checkNumber(this.name, 'eps', options.eps, NON_NEGATIVE);
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<AdagradOptions>,
    lr: number,
  ): void {
    const sumSquares = this.buffer(param, state, 'sumSquares', group.initialAccumulatorValue);
    const decayedLr = lr / (1 + (state.step - 1) * group.lrDecay);
    const { weightDecay, decoupledWeightDecay, eps } = group;
    adagradUpdate(param, grad, { sumSquares }, { lr: decayedLr, eps, weightDecay, decoupledWeightDecay });
  }
}
