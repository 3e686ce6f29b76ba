import { ArgumentError } from '@nagare/tensor';
import type { TensorModule } from '../containers/sequential';
import { Identity } from '../layers/identity';
import * as layers from './modules';

const FACTORIES = {
  identity: () => new Identity(),
  step: () => new layers.Step(),
  sigmoid: () => new layers.Sigmoid(),
  tanh: () => new layers.Tanh(),
  relu: () => new layers.ReLU(),
  leakyRelu: () => new layers.LeakyReLU(),
  elu: () => new layers.ELU(),
  selu: () => new layers.SELU(),
  celu: () => new layers.CELU(),
  softplus: () => new layers.Softplus(),
  softsign: () => new layers.Softsign(),
  gelu: () => new layers.GELU(),
  silu: () => new layers.SiLU(),
  swish: () => new layers.SiLU(),
  mish: () => new layers.Mish(),
  hardSigmoid: () => new layers.HardSigmoid(),
  hardSwish: () => new layers.HardSwish(),
  cos: () => new layers.Cos(),
} satisfies Record<string, () => TensorModule>;

/** The names `createActivation` knows (each activation layer with default options). */
export type ActivationName = keyof typeof FACTORIES;

/** Every activation name, e.g. for a CLI option or a hyper-parameter search space. */
export const ACTIVATION_NAMES = Object.keys(FACTORIES) as ActivationName[];

/**
 * A new activation layer by name, with default options, for models configured by strings (the
 * model zoo, config files, hyper-parameter search). Parametrized variants (LeakyReLU(0.2), PReLU)
 * are constructed directly.
 *
 * @example
 * createActivation('gelu').call(x);
 * mlp([784, 100, 10], 'selu');
 */
export function createActivation(name: ActivationName): TensorModule {
  const factory = FACTORIES[name];
  if (!factory)
    throw new ArgumentError(
      'createActivation',
      `unknown activation "${name}" (known: ${ACTIVATION_NAMES.join(', ')})`,
    );
  return factory();
}
