import {
  type Backend,
  BackendError,
  type BackendMemory,
  bytesPerElement,
  type DataId,
  type DType,
  DTypeError,
  type KernelTensor,
  type OpAttrs,
  type OpName,
  SyncReadError,
  type TypedArray,
  UnsupportedOpError,
} from '@nagare/tensor';
import type { WebGPUKernel } from './kernels/context';
import { webgpuKernels } from './kernels/table';
import type { GpuMemory } from './runtime/buffer-pool';
import { GpuData } from './runtime/gpu-data';
import type { GpuRuntime } from './runtime/gpu-runtime';

/**
 * The webgpu `Backend` (install it with `useBackend`) plus what it reports about the GPU.
 *
 * @example
 * const backend = await createWebGPUBackend();
 * useBackend(backend);
 * console.log(backend.gpuMemory()); // { buffers, bytes, pooled, pooledBytes }
 */
export interface WebGPUBackend extends Backend {
  readonly name: 'webgpu';
  readonly readsAsyncOnly: true;
  readAsync(dataId: DataId, dtype: DType, size: number): Promise<TypedArray>;
  /** The adapter's description (vendor, architecture), e.g. `google swiftshader` on the CPU. */
  readonly adapterInfo: string;
  /** GPU buffers held for tensors (live plus pooled for reuse) and their bytes. */
  gpuMemory(): GpuMemory;
  /** Submits every recorded dispatch to the GPU now (reads and writes do it themselves). */
  flush(): void;
  /** Frees pooled buffers and the device. Tensors on this backend must not be used afterwards. */
  destroy(): void;
}

/** The refusal every float64 path gives: WGSL has no 64-bit float. */
export function float64Error(op: string): DTypeError {
  return new DTypeError(
    op,
    'the webgpu backend has no float64 (WGSL has no 64-bit float): use float32, or the js or wasm backend for float64',
    { dtype: 'float64' },
  );
}

/** The tensor's values as the GPU stores them (4 bytes per element; bool bytes widened to u32). */
function toGpuLayout(values: TypedArray): ArrayBufferView {
  return values instanceof Uint8Array ? Uint32Array.from(values) : values;
}

/** GPU words back into `dtype`'s typed array (bool narrowed from u32). */
function fromGpuLayout(bytes: ArrayBuffer, dtype: DType): TypedArray {
  if (dtype === 'float32') return new Float32Array(bytes);
  if (dtype === 'int32') return new Int32Array(bytes);
  return Uint8Array.from(new Uint32Array(bytes));
}

function runWebGPUKernel<K extends OpName>(
  runtime: GpuRuntime,
  op: K,
  inputs: readonly KernelTensor[],
  attrs: OpAttrs[K],
  outputs: readonly KernelTensor[],
): void {
  const dtype = inputs.length > 0 ? inputs[0].dtype : outputs[0].dtype;
  for (const t of inputs) if (t.dtype === 'float64') throw float64Error(op);
  const kernel = webgpuKernels[op] as WebGPUKernel<K> | undefined;
  if (kernel === undefined || !kernel.supports(dtype)) throw new UnsupportedOpError(op, dtype, 'webgpu');
  kernel.run(runtime, inputs, attrs, outputs);
}

/** Builds the Backend object over a device runtime: pooled buffers, async reads, kernel dispatch. */
export function createBackendObject(runtime: GpuRuntime, adapterInfo: string): WebGPUBackend {
  let liveBytes = 0;
  let highWater = 0;
  let isDestroyed = false;
  return {
    name: 'webgpu',
    readsAsyncOnly: true,
    adapterInfo,
    allocate(dtype: DType, size: number, op = 'allocate'): DataId {
      if (dtype === 'float64') throw float64Error(op);
      const limits = runtime.device.limits;
      const maxBytes = Math.min(limits.maxBufferSize, limits.maxStorageBufferBindingSize);
      if (size * 4 > maxBytes) {
        throw new BackendError(
          op,
          `${size} elements (${size * 4} bytes on the GPU) exceed this device's largest storage buffer (${maxBytes} bytes)`,
        );
      }
      const { buffer, isReused } = runtime.pool.acquire(size * 4);
      // New WebGPU buffers start zeroed; a reused one is cleared in order with pending commands.
      if (isReused) runtime.clear(buffer);
      liveBytes += size * bytesPerElement(dtype);
      highWater = Math.max(highWater, liveBytes);
      return new GpuData(buffer, size);
    },
    write(dataId, values) {
      const data = dataId as GpuData;
      if (data.size > 0) runtime.write(data.buffer, toGpuLayout(values));
    },
    read(_dataId, _dtype, _size): TypedArray {
      throw new SyncReadError('read', 'webgpu');
    },
    readAsync(dataId, dtype, size) {
      const data = dataId as GpuData;
      return runtime.read(data.buffer, size * 4).then((bytes) => fromGpuLayout(bytes, dtype));
    },
    release(dataId, dtype, size) {
      const data = dataId as GpuData;
      liveBytes -= size * bytesPerElement(dtype);
      // After destroy() the device is gone: only forget the buffer.
      if (!isDestroyed) runtime.pool.release(data.buffer);
    },
    runKernel: (op, inputs, attrs, outputs) => runWebGPUKernel(runtime, op, inputs, attrs, outputs),
    supports(op, dtype) {
      return dtype !== 'float64' && (webgpuKernels[op]?.supports(dtype) ?? false);
    },
    memory(): BackendMemory {
      return { bytes: liveBytes, highWater };
    },
    gpuMemory: () => runtime.pool.memory(),
    flush: () => runtime.flush(),
    destroy() {
      if (isDestroyed) return;
      isDestroyed = true;
      runtime.flush();
      runtime.pool.destroyPooled();
      runtime.device.destroy();
    },
  };
}
