import type { OpAttrs, OpName } from './op-attrs';
import type { DType, Shape, TypedArray } from './types';

/** A backend's handle to one buffer of tensor data. Opaque to everything but that backend. */
export type DataId = object;

/** What a kernel is told about one input or output: its buffer, shape and dtype. */
export interface KernelTensor {
  readonly dataId: DataId;
  readonly shape: Shape;
  readonly dtype: DType;
  readonly size: number;
}

/** Memory a backend holds, for `memory()`. */
export interface BackendMemory {
  /** Bytes of live tensor buffers. */
  bytes: number;
  /** Highest `bytes` seen (or heap size for backends that own a heap). */
  highWater?: number;
}

/**
 * A compute backend: owns tensor buffers and runs kernels on them.
 *
 * The dispatcher has already validated every input, inferred the output shapes and dtypes and
 * allocated the outputs, so `runKernel` only computes. A backend without a kernel for an op and
 * dtype throws `UnsupportedOpError`; it never hands the work to another backend.
 */
export interface Backend {
  readonly name: string;
  /**
   * Allocates a zero-filled buffer for `size` elements of `dtype`. `op` is the op (or `tensor`)
   * the buffer is for, so that a refusal (a dtype or size this backend cannot hold) names what the
   * user called rather than the allocator.
   */
  allocate(dtype: DType, size: number, op?: string): DataId;
  /** Copies `values` (already of `dtype`'s array type) into the buffer. */
  write(dataId: DataId, values: TypedArray): void;
  /**
   * Returns a copy of the buffer's contents. A backend with `readsAsyncOnly` throws here
   * (`SyncReadError`); the tensor methods check first and name the async call to use.
   */
  read(dataId: DataId, dtype: DType, size: number): TypedArray;
  /**
   * Resolves to a copy of the buffer's contents. Backends whose memory the CPU cannot read in
   * the same task (WebGPU) implement it; for the others `Tensor.data()` falls back to `read`.
   */
  readAsync?(dataId: DataId, dtype: DType, size: number): Promise<TypedArray>;
  /**
   * True when values can only be read with `readAsync`: `dataSync`, `toArray` and `item` then throw
   * `SyncReadError`, and code meant for every backend uses `data`, `toArrayAsync` and `itemAsync`.
   */
  readonly readsAsyncOnly?: boolean;
  /** Frees the buffer. Called exactly once, when the last tensor sharing it is disposed. */
  release(dataId: DataId, dtype: DType, size: number): void;
  /** Runs the kernel of `op`, writing into the preallocated `outputs`. */
  runKernel<K extends OpName>(
    op: K,
    inputs: readonly KernelTensor[],
    attrs: OpAttrs[K],
    outputs: readonly KernelTensor[],
  ): void;
  /** True when the backend has a kernel for `op` with inputs of `dtype`. */
  supports(op: OpName, dtype: DType): boolean;
  /** Bytes in use and the high-water mark. */
  memory(): BackendMemory;
  /** Releases everything the backend owns (workers, memory). */
  destroy?(): void;
}
