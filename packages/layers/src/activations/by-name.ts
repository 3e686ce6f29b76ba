import { ArgumentError } from '@nagare/tensor';
import type { TensorModule } from '../containers/sequential';
import { Identity } from '../layers/identity';
import * as hard from './hard-modules';
import * as rectifiers from './rectifier-modules';
import { RReLU } from './rrelu';
import * as smooth from './smooth-modules';

const FACTORIES = {
  identity: () => new Identity(),
  step: () => new hard.Step(),
  sigmoid: () => new smooth.Sigmoid(),
  logSigmoid: () => new smooth.LogSigmoid(),
  tanh: () => new smooth.Tanh(),
  tanhshrink: () => new smooth.Tanhshrink(),
  relu: () => new rectifiers.ReLU(),
  relu6: () => new rectifiers.ReLU6(),
  leakyRelu: () => new rectifiers.LeakyReLU(),
  rrelu: () => new RReLU(),
  elu: () => new rectifiers.ELU(),
  selu: () => new rectifiers.SELU(),
  celu: () => new rectifiers.CELU(),
  softplus: () => new smooth.Softplus(),
  softsign: () => new smooth.Softsign(),
  gelu: () => new smooth.GELU(),
  silu: () => new smooth.SiLU(),
  swish: () => new smooth.SiLU(),
  mish: () => new smooth.Mish(),
  hardSigmoid: () => new hard.HardSigmoid(),
  hardSwish: () => new hard.HardSwish(),
  hardtanh: () => new hard.Hardtanh(),
  hardshrink: () => new hard.Hardshrink(),
  softshrink: () => new hard.Softshrink(),
  cos: () => new smooth.Cos(),
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
