// @nagare/layers — the public surface. Everything not listed here is internal.
import * as init from './init/index';

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
