// @nagare/tensor — the public surface. Everything not listed here is internal.

export type { Backend, BackendMemory, DataId, KernelTensor } from './backend';
export { createJsBackend } from './backends/js/js-backend';
export type { JsKernel, JsTensor } from './backends/js/kernels';
export { jsKernels } from './backends/js/kernels';
export type { OpRecord, OpRecorder, Storage } from './engine';
export {
  fromValues,
  getBackend,
  keep,
  memory,
  readValues,
  runInPlace,
  runOp,
  setOpRecorder,
  shareData,
  tidy,
  traceOps,
  useBackend,
} from './engine';
export { ArgumentError } from './errors/argument-error';
export { BackendError } from './errors/backend-error';
export { DisposedTensorError } from './errors/disposed-tensor-error';
export { DTypeError } from './errors/dtype-error';
export { isNagareError, NagareError } from './errors/nagare-error';
export { ShapeError } from './errors/shape-error';
export { UnsupportedOpError } from './errors/unsupported-op-error';
export { formatTensor } from './format';
export type { BackwardOptions, GradHook, GradientEngine } from './grad-hooks';
export { setGradientEngine } from './grad-hooks';
export type {
  AdadeltaUpdateAttrs,
  AdagradUpdateAttrs,
  AdamaxUpdateAttrs,
  AdamUpdateAttrs,
  ArgReduceAttrs,
  AvgPool2dAttrs,
  Conv2dAttrs,
  LionUpdateAttrs,
  MomentumUpdateAttrs,
  OpAttrs,
  OpName,
  PadMode,
  Pool2dAttrs,
  ReduceAttrs,
  RmspropUpdateAttrs,
  UpdateAttrs,
  Window2dAttrs,
} from './op-attrs';
export type { OpDef, TensorSpec } from './op-registry';
export { defineOp, getOpDef, listOps } from './op-registry';
export * from './ops/all';
export type { CreationOptions, TensorData } from './ops/creation';
export {
  arange,
  eye,
  full,
  fullLike,
  linspace,
  ones,
  onesLike,
  scalar,
  tensor,
  zeros,
  zerosLike,
} from './ops/creation';
export type { RandomOptions } from './ops/random';
export { bernoulli, normal, permutation, rand, randint, randn, uniform } from './ops/random';
export type { TensorLike } from './ops/tensor-like';
export type { GeneratorState } from './random/generator';
export { Generator, getDefaultGenerator, manualSeed } from './random/generator';
export { broadcastShapes, normalizeAxes, normalizeAxis, shapesEqual, sizeOf, stridesOf } from './shape';
export { Tensor } from './tensor';
export type { DType, DTypeArrays, NestedArray, Shape, TypedArray } from './types';
export { allocArray, bytesPerElement, DTYPES, isFloat, promoteTypes, toFloat } from './types';
