import { ArgumentError, momentumUpdate, sgdUpdate, type Tensor } from '@nagare/tensor';
import { Optimizer } from './optimizer';
import type { OptimizerOptions, ParamGroup, ParamsInput } from './param-groups';
import type { ParamState } from './state-dict';
import { checkBoolean, checkNumber, NON_NEGATIVE, UNIT_INTERVAL } from './validate';

/** Options of SGD and its momentum variants. */
export interface SgdOptions extends OptimizerOptions {
  /** Momentum factor μ (0 = plain SGD). Default 0. */
  momentum: number;
  /** Dampening of the gradient in the velocity, from the second step on. Default 0. */
  dampening: number;
  /** Nesterov's look-ahead step (needs momentum > 0 and no dampening). Default false. */
  nesterov: boolean;
}

/** The options of a momentum-free SGD step, and the lr it needs. */
export type SgdInit = Partial<SgdOptions> & Pick<SgdOptions, 'lr'>;

/**
 * Stochastic gradient descent: w ← w − lr·g. With `momentum` μ it keeps a velocity
 * v ← μ·v + (1 − dampening)·g (v = g on the first step) and steps w ← w − lr·v, or
 * w ← w − lr·(g + μ·v) with `nesterov`, as PyTorch's SGD. Parameters: any float tensors.
 *
 * @example
 * const optimizer = new SGD([w, b], { lr: 0.1 });
 * optimizer.step(); // w -= 0.1 * w.grad, in place
 */
export class SGD extends Optimizer<SgdOptions> {
  /** The name errors use; Momentum and Nesterov override it. */
  static readonly displayName: string = 'SGD';

  constructor(params: ParamsInput<SgdOptions>, options: SgdInit) {
    const defaults = { weightDecay: 0, decoupledWeightDecay: 0, momentum: 0, dampening: 0, nesterov: false };
    super((new.target as typeof SGD).displayName, params, { ...defaults, ...options });
  }

  protected checkOptions(options: SgdOptions): void {
    checkNumber(this.name, 'momentum', options.momentum, NON_NEGATIVE);
    checkNumber(this.name, 'dampening', options.dampening, UNIT_INTERVAL);
    if (
      checkBoolean(this.name, 'nesterov', options.nesterov) &&
      (options.momentum <= 0 || options.dampening !== 0)
    ) {
      throw new ArgumentError(
        this.name,
        `nesterov needs momentum > 0 and dampening 0 (momentum: ${options.momentum}, dampening: ${options.dampening})`,
      );
    }
  }

  protected updateParam(
    param: Tensor,
    grad: Tensor,
    state: ParamState,
    group: ParamGroup<SgdOptions>,
    lr: number,
  ): void {
    const { weightDecay, decoupledWeightDecay, momentum, nesterov } = group;
    if (momentum === 0) {
      sgdUpdate(param, grad, { lr, weightDecay, decoupledWeightDecay });
      return;
    }
    const velocity = this.buffer(param, state, 'velocity');
    // The first step stores the gradient itself (no dampening), as PyTorch does.
    const dampening = state.step === 1 ? 0 : group.dampening;
    momentumUpdate(
      param,
      grad,
      { velocity },
      { lr, momentum, dampening, nesterov, weightDecay, decoupledWeightDecay },
    );
  }
}
