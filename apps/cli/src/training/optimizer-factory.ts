import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  cosineAnnealingLr,
  Lion,
  type LrSchedule,
  Momentum,
  multiStepLr,
  Nesterov,
  type Optimizer,
  RMSProp,
  SGD,
} from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { OptimizerName, ScheduleName } from '../config/train-config';

// Momentum methods use the customary μ = 0.9.
const MOMENTUM = 0.9;

/**
 * The optimizer `name` over `params` with the run's lr and weight decay (AdamW: decoupled, as its
 * definition says; the others add λ·w to the gradient).
 *
 * @example
 * createOptimizer('adam', model.parameters(), { lr: 1e-3, weightDecay: 0 });
 */
export function createOptimizer(
  name: OptimizerName,
  params: Tensor[],
  options: { lr: number; weightDecay: number },
): Optimizer {
  const { lr, weightDecay } = options;
  switch (name) {
    case 'sgd':
      return new SGD(params, { lr, weightDecay });
    case 'momentum':
      return new Momentum(params, { lr, weightDecay, momentum: MOMENTUM });
    case 'nesterov':
      return new Nesterov(params, { lr, weightDecay, momentum: MOMENTUM });
    case 'adagrad':
      return new Adagrad(params, { lr, weightDecay });
    case 'adadelta':
      return new Adadelta(params, { lr, weightDecay });
    case 'rmsprop':
      return new RMSProp(params, { lr, weightDecay });
    case 'adam':
      return new Adam(params, { lr, weightDecay });
    case 'adamw':
      return new AdamW(params, { lr, decoupledWeightDecay: weightDecay });
    case 'adamax':
      return new Adamax(params, { lr, weightDecay });
    case 'lion':
      return new Lion(params, { lr, weightDecay });
  }
}

/**
 * The lr schedule over a run of `totalSteps` optimizer steps, or null for a constant lr:
 * `cosine` anneals to 0, `step` multiplies by 0.1 at 50% and again at 75% of the run.
 *
 * @example
 * createSchedule('cosine', 1e-3, 4690)?.(2345); // 5e-4
 */
export function createSchedule(name: ScheduleName, lr: number, totalSteps: number): LrSchedule | null {
  if (name === 'constant') return null;
  if (name === 'cosine') return cosineAnnealingLr({ lr, totalSteps: Math.max(1, totalSteps) });
  const milestones = [Math.floor(totalSteps * 0.5), Math.floor(totalSteps * 0.75)].filter(
    (step, index, all) => step > 0 && all.indexOf(step) === index,
  );
  return milestones.length > 0 ? multiStepLr({ lr, milestones, gamma: 0.1 }) : null;
}
