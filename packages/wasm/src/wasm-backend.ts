import {
  type Backend,
  type BackendMemory,
  bytesPerElement,
  type DataId,
  type DType,
  type KernelTensor,
  type OpAttrs,
  type OpName,
  type TypedArray,
  UnsupportedOpError,
} from '@nagare/tensor';
import type { KernelContext, WasmKernel } from './kernels/context';
import { wasmKernels } from './kernels/table';
import type { SimdLevel } from './runtime/binaries';
import type { WasmHeap } from './runtime/heap';
import type { ThreadActivity } from './runtime/task-runner';
import { WasmData } from './runtime/wasm-data';

/**
 * The wasm `Backend` (install it with `useBackend`) plus what it reports about itself.
 *
 * @example
 * const backend = await createWasmBackend({ threads: 2 });
 * console.log(backend.name, backend.threads, backend.simd); // wasm 2 relaxed
 */
export interface WasmBackend extends Backend {
  readonly name: 'wasm';
  /** Threads kernels may use (1 = the calling thread only). */
  readonly threads: number;
  /** The SIMD instruction set the kernels were compiled for. */
  readonly simd: SimdLevel;
  /** Bytes of WebAssembly memory the heap spans now (it grows on demand, never shrinks). */
  readonly heapBytes: number;
  /** Kernels split across more than one thread so far: shows whether threads are in use. */
  readonly parallelKernels: number;
  /**
   * What the threads did since the backend started: kernels split, each worker's busy time, and
   * how long the calling thread waited for workers. Sample it before and after the code you
   * profile and subtract.
   *
   * @example
   * const before = backend.threadActivity();
   * step();
   * const after = backend.threadActivity(); // after.workerBusyMs[0] - before.workerBusyMs[0]
   */
  threadActivity(): ThreadActivity;
  /** Stops the worker threads. Tensors on this backend must not be used afterwards. */
  destroy(): void;
}

/** A reused heap block holds a freed tensor's bytes: zero it before anything reads it. */
function zeroIfDirty(heap: WasmHeap, data: WasmData): void {
  if (!data.isDirty) return;
  heap.zero(data.pointer, data.bytes);
  data.isDirty = false;
}

/** A copy of `size` elements of `data` as `dtype`'s typed array. */
function readData(heap: WasmHeap, data: WasmData, dtype: DType, size: number): TypedArray {
  zeroIfDirty(heap, data);
  switch (dtype) {
    case 'float32':
      return heap.f32.slice(data.pointer >>> 2, (data.pointer >>> 2) + size);
    case 'float64':
      return heap.f64.slice(data.pointer >>> 3, (data.pointer >>> 3) + size);
    case 'int32':
      return heap.i32.slice(data.pointer >>> 2, (data.pointer >>> 2) + size);
    default:
      return heap.u8.slice(data.pointer, data.pointer + size);
  }
}

/** Copies `values` (already of the tensor's dtype) into `data`'s block. */
function writeData(heap: WasmHeap, data: WasmData, values: TypedArray): void {
  if (data.bytes === 0) return;
  heap.u8.set(new Uint8Array(values.buffer, values.byteOffset, data.bytes), data.pointer);
  data.isDirty = false;
}

/** Tensor blocks on the heap, counting the bytes alive; after `stop()` releases free nothing. */
function createBlockStore(heap: WasmHeap) {
  let liveBytes = 0;
  let isStopped = false;
  return {
    allocate(dtype: DType, size: number, op?: string): DataId {
      const bytes = size * bytesPerElement(dtype);
      if (bytes === 0) return new WasmData(0, 0, false);
      const pointer = heap.allocate(bytes, op);
      liveBytes += bytes;
      return new WasmData(pointer, bytes, heap.wasReused);
    },
    release(dataId: DataId): void {
      const data = dataId as WasmData;
      liveBytes -= data.bytes;
      // After destroy() the heap may be gone with the workers: only forget the block.
      if (data.bytes > 0 && !isStopped) heap.free(data.pointer, data.bytes);
      data.pointer = 0;
    },
    memory(): BackendMemory {
      return { bytes: liveBytes, highWater: heap.highWater };
    },
    stop(): void {
      isStopped = true;
    },
  };
}

/** Runs an op's wasm kernel, or throws UnsupportedOpError (never falls back to js). */
function runWasmKernel<K extends OpName>(
  context: KernelContext,
  op: K,
  inputs: readonly KernelTensor[],
  attrs: OpAttrs[K],
  outputs: readonly KernelTensor[],
): void {
  const kernel = wasmKernels[op] as WasmKernel<K> | undefined;
  const dtype = inputs.length > 0 ? inputs[0].dtype : outputs[0].dtype;
  if (kernel === undefined || !kernel.supports(dtype)) throw new UnsupportedOpError(op, dtype, 'wasm');
  for (let i = 0; i < inputs.length; i++) zeroIfDirty(context.heap, inputs[i].dataId as WasmData);
  kernel.run(context, inputs, attrs, outputs);
  // Every kernel writes all of its outputs, so reused blocks need no zeroing first.
  for (let i = 0; i < outputs.length; i++) (outputs[i].dataId as WasmData).isDirty = false;
}

/**
 * Builds the Backend object over an instantiated kernel module: heap blocks for tensors, copies
 * in and out, kernel dispatch, and the reports (threads, SIMD level, heap size, thread activity).
 */
export function createBackendObject(context: KernelContext, simd: SimdLevel): WasmBackend {
  const { heap, tasks } = context;
  const blocks = createBlockStore(heap);
  let isDestroyed = false;
  return {
    name: 'wasm',
    threads: tasks.threads,
    simd,
    get heapBytes() {
      return heap.capacity;
    },
    get parallelKernels() {
      return tasks.parallelRuns;
    },
    threadActivity: () => tasks.activity(),
    allocate: blocks.allocate,
    release: blocks.release,
    memory: blocks.memory,
    write: (dataId, values) => writeData(heap, dataId as WasmData, values),
    read: (dataId, dtype, size) => readData(heap, dataId as WasmData, dtype, size),
    runKernel: (op, inputs, attrs, outputs) => runWasmKernel(context, op, inputs, attrs, outputs),
    supports: (op, dtype) => wasmKernels[op]?.supports(dtype) ?? false,
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      blocks.stop();
      tasks.destroy();
    },
  };
}
