import type {
  ArgReduceOptions,
  CumsumOptions,
  KeepDimsOptions,
  PadOptions,
  SliceOptions,
  TopkOptions,
  VarianceOptions,
} from './ops/all';
import * as ops from './ops/all';
import type { Tensor } from './tensor';
import type { DType } from './types';

/**
 * Every op as a method of Tensor: `a.add(b)` is `add(a, b)`, with the same arguments after the
 * first. Tensor extends this class, so tensor.ts keeps only what a tensor is: its shape, storage,
 * values and autograd state.
 *
 * @example
 * tensor([[1, 2], [3, 4]]).mul(2).sum().item(); // 20
 */
export abstract class TensorMethods {
  /** A tensor sharing this one's data, cut from the autograd graph. */
  detach(this: Tensor): Tensor {
    return ops.detach(this);
  }
  add(this: Tensor, b: Tensor | number): Tensor {
    return ops.add(this, b);
  }
  sub(this: Tensor, b: Tensor | number): Tensor {
    return ops.sub(this, b);
  }
  mul(this: Tensor, b: Tensor | number): Tensor {
    return ops.mul(this, b);
  }
  div(this: Tensor, b: Tensor | number): Tensor {
    return ops.div(this, b);
  }
  pow(this: Tensor, b: Tensor | number): Tensor {
    return ops.pow(this, b);
  }
  maximum(this: Tensor, b: Tensor | number): Tensor {
    return ops.maximum(this, b);
  }
  minimum(this: Tensor, b: Tensor | number): Tensor {
    return ops.minimum(this, b);
  }
  eq(this: Tensor, b: Tensor | number): Tensor {
    return ops.eq(this, b);
  }
  ne(this: Tensor, b: Tensor | number): Tensor {
    return ops.ne(this, b);
  }
  lt(this: Tensor, b: Tensor | number): Tensor {
    return ops.lt(this, b);
  }
  le(this: Tensor, b: Tensor | number): Tensor {
    return ops.le(this, b);
  }
  gt(this: Tensor, b: Tensor | number): Tensor {
    return ops.gt(this, b);
  }
  ge(this: Tensor, b: Tensor | number): Tensor {
    return ops.ge(this, b);
  }
  neg(this: Tensor): Tensor {
    return ops.neg(this);
  }
  abs(this: Tensor): Tensor {
    return ops.abs(this);
  }
  sign(this: Tensor): Tensor {
    return ops.sign(this);
  }
  exp(this: Tensor): Tensor {
    return ops.exp(this);
  }
  log(this: Tensor): Tensor {
    return ops.log(this);
  }
  sqrt(this: Tensor): Tensor {
    return ops.sqrt(this);
  }
  square(this: Tensor): Tensor {
    return ops.square(this);
  }
  reciprocal(this: Tensor): Tensor {
    return ops.reciprocal(this);
  }
  sin(this: Tensor): Tensor {
    return ops.sin(this);
  }
  cos(this: Tensor): Tensor {
    return ops.cos(this);
  }
  tanh(this: Tensor): Tensor {
    return ops.tanh(this);
  }
  sigmoid(this: Tensor): Tensor {
    return ops.sigmoid(this);
  }
  relu(this: Tensor): Tensor {
    return ops.relu(this);
  }
  expm1(this: Tensor): Tensor {
    return ops.expm1(this);
  }
  log1p(this: Tensor): Tensor {
    return ops.log1p(this);
  }
  rsqrt(this: Tensor): Tensor {
    return ops.rsqrt(this);
  }
  softplus(this: Tensor): Tensor {
    return ops.softplus(this);
  }
  erf(this: Tensor): Tensor {
    return ops.erf(this);
  }
  step(this: Tensor): Tensor {
    return ops.step(this);
  }
  floor(this: Tensor): Tensor {
    return ops.floor(this);
  }
  ceil(this: Tensor): Tensor {
    return ops.ceil(this);
  }
  round(this: Tensor): Tensor {
    return ops.round(this);
  }
  logicalNot(this: Tensor): Tensor {
    return ops.logicalNot(this);
  }
  logicalAnd(this: Tensor, b: Tensor | number): Tensor {
    return ops.logicalAnd(this, b);
  }
  logicalOr(this: Tensor, b: Tensor | number): Tensor {
    return ops.logicalOr(this, b);
  }
  clip(this: Tensor, min: number, max: number): Tensor {
    return ops.clip(this, min, max);
  }
  cast(this: Tensor, dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }
  clone(this: Tensor): Tensor {
    return ops.clone(this);
  }
  sum(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.sum(this, axis, options);
  }
  mean(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.mean(this, axis, options);
  }
  max(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.max(this, axis, options);
  }
  min(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.min(this, axis, options);
  }
  argmax(this: Tensor, axis?: number, options?: ArgReduceOptions): Tensor {
    return ops.argmax(this, axis, options);
  }
  argmin(this: Tensor, axis?: number, options?: ArgReduceOptions): Tensor {
    return ops.argmin(this, axis, options);
  }
  prod(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.prod(this, axis, options);
  }
  logsumexp(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.logsumexp(this, axis, options);
  }
  variance(this: Tensor, axis?: number | number[], options?: VarianceOptions): Tensor {
    return ops.variance(this, axis, options);
  }
  std(this: Tensor, axis?: number | number[], options?: VarianceOptions): Tensor {
    return ops.std(this, axis, options);
  }
  all(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.all(this, axis, options);
  }
  any(this: Tensor, axis?: number | number[], options?: KeepDimsOptions): Tensor {
    return ops.any(this, axis, options);
  }
  cumsum(this: Tensor, axis: number, options?: CumsumOptions): Tensor {
    return ops.cumsum(this, axis, options);
  }
  topk(this: Tensor, k: number, options?: TopkOptions): [Tensor, Tensor] {
    return ops.topk(this, k, options);
  }
  reshape(this: Tensor, shape: readonly number[]): Tensor {
    return ops.reshape(this, shape);
  }
  flatten(this: Tensor, startAxis?: number, endAxis?: number): Tensor {
    return ops.flatten(this, startAxis, endAxis);
  }
  transpose(this: Tensor, perm?: readonly number[]): Tensor {
    return ops.transpose(this, perm);
  }
  permute(this: Tensor, perm: readonly number[]): Tensor {
    return ops.transpose(this, perm);
  }
  expand(this: Tensor, shape: readonly number[]): Tensor {
    return ops.expand(this, shape);
  }
  broadcastTo(this: Tensor, shape: readonly number[]): Tensor {
    return ops.broadcastTo(this, shape);
  }
  squeeze(this: Tensor, axis?: number | number[]): Tensor {
    return ops.squeeze(this, axis);
  }
  unsqueeze(this: Tensor, axis: number): Tensor {
    return ops.unsqueeze(this, axis);
  }
  slice(this: Tensor, starts: readonly number[], stops: readonly number[], options?: SliceOptions): Tensor {
    return ops.slice(this, starts, stops, options);
  }
  pad(this: Tensor, pads: readonly (readonly [number, number])[], options?: PadOptions): Tensor {
    return ops.pad(this, pads, options);
  }
  gather(this: Tensor, indices: Tensor, axis?: number): Tensor {
    return ops.gather(this, indices, axis);
  }
  tile(this: Tensor, reps: readonly number[]): Tensor {
    return ops.tile(this, reps);
  }
  split(this: Tensor, sections: number | readonly number[], axis?: number): Tensor[] {
    return ops.split(this, sections, axis);
  }
  matmul(this: Tensor, b: Tensor): Tensor {
    return ops.matmul(this, b);
  }
  softmax(this: Tensor, axis = -1): Tensor {
    return ops.softmax(this, axis);
  }
  logSoftmax(this: Tensor, axis = -1): Tensor {
    return ops.logSoftmax(this, axis);
  }
}
