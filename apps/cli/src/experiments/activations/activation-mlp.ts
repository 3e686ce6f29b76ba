import {
  Cos,
  ELU,
  Flatten,
  GELU,
  LeakyReLU,
  Linear,
  Maxout,
  PReLU,
  ReLU,
  SELU,
  Sequential,
  Sigmoid,
  Softplus,
  Tanh,
  type TensorModule,
} from '@nagare/layers';
import { Generator } from '@nagare/tensor';
import { StraightThroughStep } from './straight-through-step';

/** The activations the experiment compares, in the curriculum's order. */
export const ACTIVATION_CHOICES = [
  'step',
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'prelu',
  'elu',
  'selu',
  'softplus',
  'gelu',
  'maxout',
  'cos',
] as const;
export type ActivationChoice = (typeof ACTIVATION_CHOICES)[number];

/** How each activation is labelled in the report. */
export const ACTIVATION_LABELS: Record<ActivationChoice, string> = {
  step: 'step (straight-through)',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
  leakyRelu: 'LeakyReLU (0.01)',
  prelu: 'PReLU',
  elu: 'ELU',
  selu: 'SELU',
  softplus: 'softplus',
  gelu: 'GELU',
  maxout: 'maxout (k = 2)',
  cos: 'cos',
};

/** Linear pieces per maxout unit. */
export const MAXOUT_PIECES = 2;

const ACTIVATION_LAYERS: Record<Exclude<ActivationChoice, 'maxout'>, () => TensorModule> = {
  step: () => new StraightThroughStep(),
  sigmoid: () => new Sigmoid(),
  tanh: () => new Tanh(),
  relu: () => new ReLU(),
  leakyRelu: () => new LeakyReLU(0.01),
  prelu: () => new PReLU(),
  elu: () => new ELU(),
  selu: () => new SELU(),
  softplus: () => new Softplus(),
  gelu: () => new GELU(),
  cos: () => new Cos(),
};

/**
 * The experiment's MLP `784 → hidden… → 10` with one activation after every hidden Linear layer.
 * Every variant starts from the same seeded weights of the same (PyTorch default) initialization;
 * maxout's Linear layers have k = 2 times the outputs, which each maxout unit reduces to their max.
 * Input `[N, 1, 28, 28]` → logits `[N, 10]`.
 *
 * @example
 * activationMlp('gelu', [128, 128], 0).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function activationMlp(
  activation: ActivationChoice,
  hidden: readonly number[],
  seed: number,
): Sequential {
  const generator = new Generator(seed);
  const model = new Sequential(new Flatten());
  let width = 784;
  for (const size of hidden) {
    if (activation === 'maxout') {
      model.append(new Linear(width, size * MAXOUT_PIECES, { generator }));
      model.append(new Maxout(MAXOUT_PIECES));
    } else {
      model.append(new Linear(width, size, { generator }));
      model.append(ACTIVATION_LAYERS[activation]());
    }
    width = size;
  }
  model.append(new Linear(width, 10, { generator }));
  return model;
}
