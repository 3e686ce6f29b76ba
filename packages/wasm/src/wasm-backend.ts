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

/** Builds the Backend object over an instantiated kernel module. */
export function createBackendObject(context: KernelContext, simd: SimdLevel): WasmBackend {
  const { heap } = context;
  let liveBytes = 0;
  let isDestroyed = false;

  const prepareInputs = (tensors: readonly KernelTensor[]) => {
    for (let i = 0; i < tensors.length; i++) {
      const data = tensors[i].dataId as WasmData;
      if (data.isDirty) {
        heap.zero(data.pointer, data.bytes);
        data.isDirty = false;
      }
    }
  };

  return {
    name: 'wasm',
    threads: context.tasks.threads,
    simd,
    get heapBytes() {
      return heap.capacity;
    },
    get parallelKernels() {
      return context.tasks.parallelRuns;
    },
    threadActivity() {
      return context.tasks.activity();
    },
    allocate(dtype: DType, size: number): DataId {
      const bytes = size * bytesPerElement(dtype);
      liveBytes += bytes;
      if (bytes === 0) return new WasmData(0, 0, false);
      const pointer = heap.allocate(bytes);
      return new WasmData(pointer, bytes, heap.wasReused);
    },
    write(dataId: DataId, values: TypedArray) {
      const data = dataId as WasmData;
      if (data.bytes === 0) return;
      heap.u8.set(new Uint8Array(values.buffer, values.byteOffset, data.bytes), data.pointer);
      data.isDirty = false;
    },
    read(dataId: DataId, dtype: DType, size: number): TypedArray {
      const data = dataId as WasmData;
      if (data.isDirty) {
        heap.zero(data.pointer, data.bytes);
        data.isDirty = false;
      }
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
    },
    release(dataId: DataId) {
      const data = dataId as WasmData;
      liveBytes -= data.bytes;
      if (data.bytes > 0 && !isDestroyed) heap.free(data.pointer, data.bytes);
      data.pointer = 0;
    },
    runKernel<K extends OpName>(
      op: K,
      inputs: readonly KernelTensor[],
      attrs: OpAttrs[K],
      outputs: readonly KernelTensor[],
    ) {
      const kernel = wasmKernels[op] as WasmKernel<K> | undefined;
      const dtype = inputs.length > 0 ? inputs[0].dtype : outputs[0].dtype;
      if (kernel === undefined || !kernel.supports(dtype)) throw new UnsupportedOpError(op, dtype, 'wasm');
      prepareInputs(inputs);
      kernel.run(context, inputs, attrs, outputs);
      // Every kernel writes all of its outputs, so reused blocks need no zeroing first.
      for (let i = 0; i < outputs.length; i++) (outputs[i].dataId as WasmData).isDirty = false;
    },
    supports(op: OpName, dtype: DType) {
      return wasmKernels[op]?.supports(dtype) ?? false;
    },
    memory(): BackendMemory {
      return { bytes: liveBytes, highWater: heap.highWater };
    },
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      context.tasks.destroy();
    },
  };
}
