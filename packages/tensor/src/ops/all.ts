// Every public op function as one namespace, for Tensor's methods and the conformance cases.
// The package index lists each of them by name; index.test.ts checks the two lists agree.

export { type AvgPool2dOptions, avgPool2d, avgPool2dBackward } from './avg-pool2d';
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
} from './binary';
export { assign, cast, clone, detach, dispose } from './cast';
export { clip } from './clip';
export { concat } from './concat';
export { type Conv1dOptions, conv1d } from './conv1d';
export { type Conv2dOptions, conv2d } from './conv2d';
export { conv2dBackpropFilter, conv2dBackpropInput } from './conv2d-backprop';
export { type CumsumOptions, cumsum } from './cumsum';
export { gather } from './gather';
export { type MatmulOptions, matmul } from './matmul';
export { maxPool2d, maxPool2dBackward, maxPool2dWithIndices } from './max-pool2d';
export { oneHot } from './one-hot';
export {
  adadeltaUpdate,
  adagradUpdate,
  adamaxUpdate,
  adamUpdate,
  type DecayOptions,
  lionUpdate,
  momentumUpdate,
  rmspropUpdate,
  sgdUpdate,
} from './optimizer-updates';
export { type PadOptions, pad } from './pad';
export type { Pool2dOptions } from './pool2d';
export { isFinite, isInf } from './predicates';
export { type ArgReduceOptions, argmax, argmin, type KeepDimsOptions, max, min, prod, sum } from './reduce';
export { all, any, logsumexp, mean, std, type VarianceOptions, variance } from './reduce-composites';
export { flatten, reshape, squeeze, unsqueeze } from './reshape';
export { scatterAdd } from './scatter-add';
export { type SliceOptions, slice } from './slice';
export { logSoftmax, softmax } from './softmax';
export { split } from './split';
export { stack } from './stack';
export { tile } from './tile';
export { type TopkOptions, topk } from './topk';
export { broadcastTo, expand, transpose } from './transpose';
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
} from './unary';
export type { Padding2d, Size2d } from './window2d';
