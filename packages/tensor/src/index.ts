// @nagare/tensor — the public surface. Everything not listed here is internal.

export type { Backend, BackendMemory, DataId, KernelTensor } from './backend';
export { createJsBackend } from './backends/js/js-backend';
export type { JsKernel, JsTensor } from './backends/js/kernels';
export { jsKernels } from './backends/js/kernels';
export { getBackend, memory, useBackend } from './engine/active-backend';
export type { OpRecord, OpRecorder } from './engine/dispatch';
export { runInPlace, runOp, setOpRecorder, traceOps } from './engine/dispatch';
export { fromValues, isAdoptable, isInCurrentScope, keep, shareData } from './engine/handles';
export type { Storage } from './engine/storage';
export { readValues, readValuesAsync } from './engine/storage';
export { tidy } from './engine/tidy';
export { ArgumentError } from './errors/argument-error';
export { BackendError } from './errors/backend-error';
export { DisposedTensorError } from './errors/disposed-tensor-error';
export { DTypeError } from './errors/dtype-error';
export { isNagareError, NagareError } from './errors/nagare-error';
export { ShapeError } from './errors/shape-error';
export { SizeLimitError } from './errors/size-limit-error';
export { SyncReadError } from './errors/sync-read-error';
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
export type { AvgPool2dOptions } from './ops/avg-pool2d';
export { avgPool2d, avgPool2dBackward } from './ops/avg-pool2d';
export {
  add,
  div,
  eq,
  ge,
  gt,
  le,
  logicalAnd,
  logicalOr,
  lt,
  maximum,
  minimum,
  mul,
  ne,
  pow,
  sub,
  where,
} from './ops/binary';
export { assign, cast, clone, detach, dispose } from './ops/cast';
export { clip } from './ops/clip';
export { concat } from './ops/concat';
export type { Conv1dOptions } from './ops/conv1d';
export { conv1d } from './ops/conv1d';
export type { Conv2dOptions } from './ops/conv2d';
export { conv2d } from './ops/conv2d';
export { conv2dBackpropFilter, conv2dBackpropInput } from './ops/conv2d-backprop';
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
export type { CumsumOptions } from './ops/cumsum';
export { cumsum } from './ops/cumsum';
export { gather } from './ops/gather';
export type { MatmulOptions } from './ops/matmul';
export { matmul } from './ops/matmul';
export { maxPool2d, maxPool2dBackward, maxPool2dWithIndices } from './ops/max-pool2d';
export { oneHot } from './ops/one-hot';
export type { DecayOptions } from './ops/optimizer-updates';
export {
  adadeltaUpdate,
  adagradUpdate,
  adamaxUpdate,
  adamUpdate,
  lionUpdate,
  momentumUpdate,
  rmspropUpdate,
  sgdUpdate,
} from './ops/optimizer-updates';
export type { PadOptions } from './ops/pad';
export { pad } from './ops/pad';
export type { Pool2dOptions } from './ops/pool2d';
export { isFinite, isInf } from './ops/predicates';
export type { RandomOptions } from './ops/random';
export {
  bernoulli,
  normal,
  permutation,
  permutationValues,
  rand,
  randint,
  randn,
  uniform,
} from './ops/random';
export type { ArgReduceOptions, KeepDimsOptions } from './ops/reduce';
export { argmax, argmin, max, min, prod, sum } from './ops/reduce';
export type { VarianceOptions } from './ops/reduce-composites';
export { all, any, logsumexp, mean, std, variance } from './ops/reduce-composites';
export { flatten, reshape, squeeze, unsqueeze } from './ops/reshape';
export { scatterAdd } from './ops/scatter-add';
export type { SliceOptions } from './ops/slice';
export { slice } from './ops/slice';
export { logSoftmax, softmax } from './ops/softmax';
export { split } from './ops/split';
export { stack } from './ops/stack';
export type { TensorLike } from './ops/tensor-like';
export { tile } from './ops/tile';
export type { TopkOptions } from './ops/topk';
export { topk } from './ops/topk';
export { broadcastTo, expand, transpose } from './ops/transpose';
export {
  abs,
  ceil,
  cos,
  erf,
  exp,
  expm1,
  floor,
  isNaN,
  log,
  log1p,
  logicalNot,
  neg,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  step,
  tanh,
} from './ops/unary';
export type { Padding2d, Size2d } from './ops/window2d';
export type { GeneratorState } from './random/generator';
export { Generator, getDefaultGenerator, manualSeed } from './random/generator';
export { broadcastShapes, normalizeAxes, normalizeAxis, shapesEqual, sizeOf, stridesOf } from './shape';
export { checkedElementCount, DEFAULT_MAX_ELEMENTS, getMaxElements, setMaxElements } from './size-limit';
export { Tensor } from './tensor';
export type { DType, DTypeArrays, NestedArray, Shape, TypedArray } from './types';
export { allocArray, bytesPerElement, DTYPES, isFloat, promoteTypes, toFloat } from './types';
