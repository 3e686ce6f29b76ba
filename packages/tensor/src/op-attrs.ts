import type { DType } from './types';

/** Attributes of every reduction over a list of axes (already normalized, sorted). */
export interface ReduceAttrs {
  axes: number[];
  keepDims: boolean;
}

/** Attributes of argmax/argmin over one axis. */
export interface ArgReduceAttrs {
  axis: number;
  keepDims: boolean;
  /** On ties, return the last index instead of the first. */
  selectLastIndex: boolean;
}

/** 2-D window geometry shared by conv2d and pooling, normalized to explicit numbers. */
export interface Window2dAttrs {
  stride: [number, number];
  /** [top, bottom, left, right] */
  padding: [number, number, number, number];
  dilation: [number, number];
}

export interface Conv2dAttrs extends Window2dAttrs {
  groups: number;
}

export interface Pool2dAttrs extends Window2dAttrs {
  kernelSize: [number, number];
  /** Use ceil instead of floor for the output size (the last window may start in the padding). */
  ceilMode: boolean;
}

export interface AvgPool2dAttrs extends Pool2dAttrs {
  /** Divide by the full window size, padding included (true), or by the valid elements only. */
  countIncludePad: boolean;
}

export type PadMode = 'constant' | 'reflect' | 'edge' | 'wrap';

/**
 * Attributes every fused in-place optimizer update shares. Plain numbers: schedules and bias
 * corrections that depend on the step are resolved by the caller.
 */
export interface UpdateAttrs {
  /** Learning rate of this step. */
  lr: number;
  /** Coupled L2 decay: λ·x is added to the gradient before the update rule sees it. */
  weightDecay: number;
  /** Decoupled decay (AdamW): x ← x − lr·λ·x, applied apart from the gradient. */
  decoupledWeightDecay: number;
}

/** Heavy-ball momentum: v ← μ·v + (1 − dampening)·g; x ← x − lr·v (Nesterov: x ← x − lr·(g + μ·v)). */
export interface MomentumUpdateAttrs extends UpdateAttrs {
  momentum: number;
  dampening: number;
  nesterov: boolean;
}

export interface AdagradUpdateAttrs extends UpdateAttrs {
  eps: number;
}

export interface AdadeltaUpdateAttrs extends UpdateAttrs {
  rho: number;
  eps: number;
}

/** RMSProp; `centered` reads a running gradient mean, `momentum > 0` a momentum buffer. */
export interface RmspropUpdateAttrs extends UpdateAttrs {
  alpha: number;
  eps: number;
  momentum: number;
  centered: boolean;
}

/** Adam; `step` is the 1-based step for bias correction (0 turns it off, as ONNX Adam at T = 0). */
export interface AdamUpdateAttrs extends UpdateAttrs {
  beta1: number;
  beta2: number;
  eps: number;
  step: number;
  amsgrad: boolean;
}

export interface AdamaxUpdateAttrs extends UpdateAttrs {
  beta1: number;
  beta2: number;
  eps: number;
  step: number;
}

export interface LionUpdateAttrs extends UpdateAttrs {
  beta1: number;
  beta2: number;
}

type Empty = Record<string, never>;

/**
 * The attribute type of every primitive op, by op name. This map is the op registry's type:
 * backends' kernel tables and autograd's rule table are mapped types over its keys, so an op
 * without a kernel or a gradient rule fails the type check.
 */
export interface OpAttrs {
  // unary elementwise
  neg: Empty;
  abs: Empty;
  sign: Empty;
  exp: Empty;
  expm1: Empty;
  log: Empty;
  log1p: Empty;
  sqrt: Empty;
  rsqrt: Empty;
  square: Empty;
  reciprocal: Empty;
  sin: Empty;
  cos: Empty;
  tanh: Empty;
  sigmoid: Empty;
  relu: Empty;
  step: Empty;
  softplus: Empty;
  erf: Empty;
  floor: Empty;
  ceil: Empty;
  round: Empty;
  logicalNot: Empty;
  isNaN: Empty;
  clip: { min: number; max: number };
  cast: { dtype: DType };
  // binary elementwise with broadcasting
  add: Empty;
  sub: Empty;
  mul: Empty;
  div: Empty;
  pow: Empty;
  maximum: Empty;
  minimum: Empty;
  eq: Empty;
  ne: Empty;
  lt: Empty;
  le: Empty;
  gt: Empty;
  ge: Empty;
  logicalAnd: Empty;
  logicalOr: Empty;
  where: Empty;
  // reductions
  sum: ReduceAttrs;
  prod: ReduceAttrs;
  max: ReduceAttrs;
  min: ReduceAttrs;
  argmax: ArgReduceAttrs;
  argmin: ArgReduceAttrs;
  cumsum: { axis: number; exclusive: boolean; reverse: boolean };
  topk: { k: number; axis: number; largest: boolean };
  // shape and indexing
  reshape: { shape: number[] };
  transpose: { perm: number[] };
  expand: { shape: number[] };
  concat: { axis: number };
  slice: { begin: number[]; step: number[]; size: number[] };
  pad: { pads: [number, number][]; mode: PadMode; value: number };
  gather: { axis: number };
  scatterAdd: { axis: number };
  oneHot: { depth: number };
  // linear algebra and network kernels
  matmul: { transposeA: boolean; transposeB: boolean };
  softmax: { axis: number };
  logSoftmax: { axis: number };
  conv2d: Conv2dAttrs;
  conv2dBackpropInput: Conv2dAttrs & { inputShape: [number, number, number, number] };
  conv2dBackpropFilter: Conv2dAttrs & { filterShape: [number, number, number, number] };
  maxPool2d: Pool2dAttrs;
  maxPool2dBackward: Pool2dAttrs & { inputShape: [number, number, number, number] };
  avgPool2d: AvgPool2dAttrs;
  avgPool2dBackward: AvgPool2dAttrs & { inputShape: [number, number, number, number] };
  // fused in-place optimizer updates (run with runInPlace; not differentiable)
  sgdUpdate: UpdateAttrs;
  momentumUpdate: MomentumUpdateAttrs;
  adagradUpdate: AdagradUpdateAttrs;
  adadeltaUpdate: AdadeltaUpdateAttrs;
  rmspropUpdate: RmspropUpdateAttrs;
  adamUpdate: AdamUpdateAttrs;
  adamaxUpdate: AdamaxUpdateAttrs;
  lionUpdate: LionUpdateAttrs;
}

/** The name of a primitive op. */
export type OpName = keyof OpAttrs;
