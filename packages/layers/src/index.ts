// @nagare/layers — the public surface. Everything not listed here is internal.
import * as init from './init/index';

export { type HardSigmoidOptions, hardSigmoid, hardSwish } from './activations/hard';
export { maxout } from './activations/maxout';
export {
  CELU,
  Cos,
  ELU,
  GELU,
  HardSigmoid,
  HardSwish,
  LeakyReLU,
  LogSoftmax,
  Maxout,
  Mish,
  ReLU,
  SELU,
  Sigmoid,
  SiLU,
  Softmax,
  Softplus,
  Softsign,
  Step,
  Swish,
  Tanh,
} from './activations/modules';
export { PReLU, type PReLUOptions } from './activations/prelu';
export { celu, elu, leakyRelu, prelu, SELU_ALPHA, SELU_SCALE, selu } from './activations/rectifiers';
export {
  type GeluOptions,
  gelu,
  mish,
  type SoftplusOptions,
  silu,
  softplus,
  softsign,
  swish,
} from './activations/smooth';

export { ModuleDict } from './containers/module-dict';
export { ModuleList } from './containers/module-list';
export { Residual } from './containers/residual';
export { Sequential, type TensorModule } from './containers/sequential';
export { type ShapeMismatch, StateDictError } from './errors/state-dict-error';
export { Identity } from './layers/identity';
export { Linear } from './layers/linear';
export type { FloatDType, Initializer, ParameterOptions, WeightBiasOptions } from './layers/options';
export { type AnyModule, type ForwardHook, Module, type NamedOptions } from './module';
export type { RandomSource } from './random';
export type { LoadStateDictOptions, LoadStateDictResult, StateDict } from './state-dict';
export { type SummaryOptions, summary } from './summary';
export { init };
