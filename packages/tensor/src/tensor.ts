import type { Storage } from './engine';
import { readValues } from './engine';
import { ArgumentError } from './errors/argument-error';
import { formatTensor } from './format';
import { type BackwardOptions, type GradHook, getGradientEngine } from './grad-hooks';
import * as ops from './ops/all';
import { sizeOf } from './shape';
import type { DType, NestedArray, Shape, TypedArray } from './types';

/**
 * An n-dimensional array on a backend: row-major and contiguous, so `reshape` is free.
 *
 * Ops never consume their inputs; free a tensor with `dispose()`, `using`, or `tidy()`.
 * Every op is also a free function: `a.add(b)` is `add(a, b)`.
 *
 * @example
 * const x = tensor([[1, 2], [3, 4]]);
 * x.mul(2).sum().item(); // 20
 */
export class Tensor {
  readonly size: number;
  /** True once this tensor asks autograd to track the ops applied to it. */
  requiresGrad = false;
  /** The accumulated gradient, filled by `backward()` (leaf tensors and `retainGrad()` ones). */
  grad: Tensor | null = null;
  /** Autograd's record of the op that produced this tensor (internal to @nagare/autograd). */
  gradNode: unknown = null;
  /** Hooks that read or replace the gradient flowing into this tensor. */
  readonly gradHooks: GradHook[] = [];
  /** Keep `grad` on this non-leaf tensor after backward. */
  isRetainingGrad = false;
  #isDisposed = false;

  constructor(
    readonly shape: Shape,
    readonly dtype: DType,
    readonly storage: Storage,
  ) {
    this.size = sizeOf(shape);
  }

  /** Number of axes. */
  get rank(): number {
    return this.shape.length;
  }

  /** Name of the backend holding the data. */
  get backend(): string {
    return this.storage.backend.name;
  }

  /** True after `dispose()`. */
  get isDisposed(): boolean {
    return this.#isDisposed;
  }

  /** @internal Called by the engine only. */
  markDisposed(): void {
    this.#isDisposed = true;
  }

  /** Frees this tensor. Safe to call twice. */
  dispose(): void {
    ops.dispose(this);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /** The values as a flat typed array (a copy), synchronously. */
  dataSync(): TypedArray {
    return readValues(this);
  }

  /** The values as a flat typed array (a copy). */
  async data(): Promise<TypedArray> {
    return readValues(this, 'data');
  }

  /** The values as nested arrays (numbers; `bool` gives booleans). */
  toArray(): NestedArray {
    const values = readValues(this, 'toArray');
    const asValue = (v: number): number | boolean => (this.dtype === 'bool' ? v !== 0 : v);
    const build = (axis: number, offset: number, stride: number): NestedArray => {
      if (axis === this.shape.length) return asValue(values[offset]);
      const inner = stride / (this.shape[axis] || 1);
      return Array.from({ length: this.shape[axis] }, (_, i) => build(axis + 1, offset + i * inner, inner));
    };
    return build(0, 0, this.size);
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new ArgumentError('item', `tensor has ${this.size} elements, not 1`);
    return readValues(this, 'item')[0];
  }

  /** A readable summary: shape, dtype and (abbreviated) values. */
  toString(): string {
    return formatTensor(this);
  }

  // ----- autograd (implemented by @nagare/autograd, which installs itself when imported) -----

  /** Computes gradients of this tensor with respect to every leaf that requires grad. */
  backward(gradient?: Tensor, options?: BackwardOptions): void {
    getGradientEngine('backward').backward(this, gradient, options);
  }

  /** Marks this tensor as a leaf that requires grad (in place). Returns it. */
  requiresGrad_(value = true): this {
    this.requiresGrad = value;
    return this;
  }

  /** Keeps `.grad` on this non-leaf tensor after backward. */
  retainGrad(): this {
    this.isRetainingGrad = true;
    return this;
  }

  /** Frees and clears `.grad`. */
  zeroGrad(): void {
    this.grad?.dispose();
    this.grad = null;
  }

  /** Registers a hook called with the gradient flowing into this tensor; returning a tensor replaces it. */
  registerHook(hook: GradHook): () => void {
    this.gradHooks.push(hook);
    return () => {
      const index = this.gradHooks.indexOf(hook);
      if (index >= 0) this.gradHooks.splice(index, 1);
    };
  }

  /** A tensor sharing this one's data, cut from the autograd graph. */
  detach(): Tensor {
    return ops.detach(this);
  }

  // ----- ops as methods -----
  add(b: Tensor | number): Tensor {
    return ops.add(this, b);
  }
  sub(b: Tensor | number): Tensor {
    return ops.sub(this, b);
  }
  mul(b: Tensor | number): Tensor {
    return ops.mul(this, b);
  }
  div(b: Tensor | number): Tensor {
    return ops.div(this, b);
  }
  pow(b: Tensor | number): Tensor {
    return ops.pow(this, b);
  }
  maximum(b: Tensor | number): Tensor {
    return ops.maximum(this, b);
  }
  minimum(b: Tensor | number): Tensor {
    return ops.minimum(this, b);
  }
  eq(b: Tensor | number): Tensor {
    return ops.eq(this, b);
  }
  ne(b: Tensor | number): Tensor {
    return ops.ne(this, b);
  }
  lt(b: Tensor | number): Tensor {
    return ops.lt(this, b);
  }
  le(b: Tensor | number): Tensor {
    return ops.le(this, b);
  }
  gt(b: Tensor | number): Tensor {
    return ops.gt(this, b);
  }
  ge(b: Tensor | number): Tensor {
    return ops.ge(this, b);
  }
  neg(): Tensor {
    return ops.neg(this);
  }
  abs(): Tensor {
    return ops.abs(this);
  }
  sign(): Tensor {
    return ops.sign(this);
  }
  exp(): Tensor {
    return ops.exp(this);
  }
  log(): Tensor {
    return ops.log(this);
  }
  sqrt(): Tensor {
    return ops.sqrt(this);
  }
  square(): Tensor {
    return ops.square(this);
  }
  reciprocal(): Tensor {
    return ops.reciprocal(this);
  }
  sin(): Tensor {
    return ops.sin(this);
  }
  cos(): Tensor {
    return ops.cos(this);
  }
  tanh(): Tensor {
    return ops.tanh(this);
  }
  sigmoid(): Tensor {
    return ops.sigmoid(this);
  }
  relu(): Tensor {
    return ops.relu(this);
  }
  expm1(): Tensor {
    return ops.expm1(this);
  }
  log1p(): Tensor {
    return ops.log1p(this);
  }
  rsqrt(): Tensor {
    return ops.rsqrt(this);
  }
  softplus(): Tensor {
    return ops.softplus(this);
  }
  erf(): Tensor {
    return ops.erf(this);
  }
  step(): Tensor {
    return ops.step(this);
  }
  floor(): Tensor {
    return ops.floor(this);
  }
  ceil(): Tensor {
    return ops.ceil(this);
  }
  round(): Tensor {
    return ops.round(this);
  }
  logicalNot(): Tensor {
    return ops.logicalNot(this);
  }
  logicalAnd(b: Tensor | number): Tensor {
    return ops.logicalAnd(this, b);
  }
  logicalOr(b: Tensor | number): Tensor {
    return ops.logicalOr(this, b);
  }
  clip(min: number, max: number): Tensor {
    return ops.clip(this, min, max);
  }
  cast(dtype: DType): Tensor {
    return ops.cast(this, dtype);
  }
  clone(): Tensor {
    return ops.clone(this);
  }
  sum(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.sum(this, axis, options);
  }
  mean(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.mean(this, axis, options);
  }
  max(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.max(this, axis, options);
  }
  min(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.min(this, axis, options);
  }
  argmax(axis?: number, options?: ops.ArgReduceOptions): Tensor {
    return ops.argmax(this, axis, options);
  }
  argmin(axis?: number, options?: ops.ArgReduceOptions): Tensor {
    return ops.argmin(this, axis, options);
  }
  prod(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.prod(this, axis, options);
  }
  logsumexp(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.logsumexp(this, axis, options);
  }
  variance(axis?: number | number[], options?: ops.VarianceOptions): Tensor {
    return ops.variance(this, axis, options);
  }
  std(axis?: number | number[], options?: ops.VarianceOptions): Tensor {
    return ops.std(this, axis, options);
  }
  all(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.all(this, axis, options);
  }
  any(axis?: number | number[], options?: ops.KeepDimsOptions): Tensor {
    return ops.any(this, axis, options);
  }
  cumsum(axis: number, options?: ops.CumsumOptions): Tensor {
    return ops.cumsum(this, axis, options);
  }
  topk(k: number, options?: ops.TopkOptions): [Tensor, Tensor] {
    return ops.topk(this, k, options);
  }
  reshape(shape: readonly number[]): Tensor {
    return ops.reshape(this, shape);
  }
  flatten(startAxis?: number, endAxis?: number): Tensor {
    return ops.flatten(this, startAxis, endAxis);
  }
  transpose(perm?: readonly number[]): Tensor {
    return ops.transpose(this, perm);
  }
  permute(perm: readonly number[]): Tensor {
    return ops.transpose(this, perm);
  }
  expand(shape: readonly number[]): Tensor {
    return ops.expand(this, shape);
  }
  broadcastTo(shape: readonly number[]): Tensor {
    return ops.broadcastTo(this, shape);
  }
  squeeze(axis?: number | number[]): Tensor {
    return ops.squeeze(this, axis);
  }
  unsqueeze(axis: number): Tensor {
    return ops.unsqueeze(this, axis);
  }
  slice(starts: readonly number[], stops: readonly number[], options?: ops.SliceOptions): Tensor {
    return ops.slice(this, starts, stops, options);
  }
  pad(pads: readonly (readonly [number, number])[], options?: ops.PadOptions): Tensor {
    return ops.pad(this, pads, options);
  }
  gather(indices: Tensor, axis?: number): Tensor {
    return ops.gather(this, indices, axis);
  }
  tile(reps: readonly number[]): Tensor {
    return ops.tile(this, reps);
  }
  split(sections: number | readonly number[], axis?: number): Tensor[] {
    return ops.split(this, sections, axis);
  }
  matmul(b: Tensor): Tensor {
    return ops.matmul(this, b);
  }
  softmax(axis = -1): Tensor {
    return ops.softmax(this, axis);
  }
  logSoftmax(axis = -1): Tensor {
    return ops.logSoftmax(this, axis);
  }
}

export type { BackwardOptions, GradHook };
