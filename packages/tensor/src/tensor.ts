import type { DataId, KernelTensor } from './backend';
import { disposeTensor } from './engine/lifetime';
import { readValues, readValuesAsync, type Storage } from './engine/storage';
import { ArgumentError } from './errors/argument-error';
import { formatTensor } from './format';
import { type BackwardOptions, type GradHook, getGradientEngine } from './grad-hooks';
import { sizeOf } from './shape';
import { TensorMethods } from './tensor-methods';
import type { DType, NestedArray, Shape, TypedArray } from './types';

const NO_HOOKS: readonly GradHook[] = Object.freeze([]);

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
export class Tensor extends TensorMethods implements KernelTensor {
  readonly size: number;
  /**
   * @internal The backend buffer (`storage.dataId`), so a tensor is its own kernel view and the
   * dispatcher passes tensors to kernels without building a view object per operand.
   */
  readonly dataId: DataId;
  /** True once this tensor asks autograd to track the ops applied to it. */
  requiresGrad = false;
  /** The accumulated gradient, filled by `backward()` (leaf tensors and `retainGrad()` ones). */
  grad: Tensor | null = null;
  /** Autograd's record of the op that produced this tensor (internal to @nagare/autograd). */
  gradNode: unknown = null;
  /**
   * Hooks that read or replace the gradient flowing into this tensor (add them with
   * `registerHook`). Shared and frozen while empty, so a tensor without hooks allocates no array.
   */
  gradHooks: readonly GradHook[] = NO_HOOKS;
  /** Keep `grad` on this non-leaf tensor after backward. */
  isRetainingGrad = false;
  /** @internal The `tidy` scope that will dispose this tensor (engine bookkeeping). */
  tidyScope: Set<Tensor> | null = null;
  /** @internal True once the FinalizationRegistry safety net watches this tensor. */
  isFinalizerRegistered = false;
  #isDisposed = false;

  constructor(
    readonly shape: Shape,
    readonly dtype: DType,
    readonly storage: Storage,
  ) {
    super();
    this.size = sizeOf(shape);
    this.dataId = storage.dataId;
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
    disposeTensor(this);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  /**
   * The values as a flat typed array (a copy), synchronously. Throws `SyncReadError` on a backend
   * that reads only asynchronously (WebGPU); code for every backend uses `await data()`.
   */
  dataSync(): TypedArray {
    return readValues(this);
  }

  /**
   * The values as a flat typed array (a copy). Works on every backend; the read starts at once,
   * so the tensor may be disposed right after the call (not before).
   *
   * @example
   * const values = await t.data();
   */
  data(): Promise<TypedArray> {
    return readValuesAsync(this, 'data');
  }

  /** The values as nested arrays (numbers; `bool` gives booleans). Synchronous: see `dataSync`. */
  toArray(): NestedArray {
    return nest(readValues(this, 'toArray'), this.shape, this.dtype === 'bool');
  }

  /** The values as nested arrays, on every backend (see `data`). */
  async toArrayAsync(): Promise<NestedArray> {
    const shape = this.shape;
    const isBool = this.dtype === 'bool';
    return nest(await readValuesAsync(this, 'toArrayAsync'), shape, isBool);
  }

  /** The single value of a one-element tensor. Synchronous: see `dataSync`. */
  item(): number {
    if (this.size !== 1) throw new ArgumentError('item', `tensor has ${this.size} elements, not 1`);
    return readValues(this, 'item')[0];
  }

  /** The single value of a one-element tensor, on every backend (see `data`). */
  async itemAsync(): Promise<number> {
    if (this.size !== 1) throw new ArgumentError('itemAsync', `tensor has ${this.size} elements, not 1`);
    return (await readValuesAsync(this, 'itemAsync'))[0];
  }

  /** A readable summary: shape, dtype and (abbreviated) values. */
  override toString(): string {
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
    this.gradHooks = [...this.gradHooks, hook];
    return () => {
      const index = this.gradHooks.indexOf(hook);
      if (index >= 0)
        this.gradHooks = [...this.gradHooks.slice(0, index), ...this.gradHooks.slice(index + 1)];
    };
  }
}

export type { BackwardOptions, GradHook };

/** Builds nested arrays of `shape` from flat row-major `values` (`bool` values as booleans). */
function nest(values: TypedArray, shape: Shape, isBool: boolean): NestedArray {
  const asValue = (v: number): number | boolean => (isBool ? v !== 0 : v);
  const build = (axis: number, offset: number, stride: number): NestedArray => {
    if (axis === shape.length) return asValue(values[offset]);
    const inner = stride / (shape[axis] || 1);
    return Array.from({ length: shape[axis] }, (_, i) => build(axis + 1, offset + i * inner, inner));
  };
  return build(0, 0, values.length);
}
