import { ArgumentError } from '@nagare/tensor';
import { MAXIMUM_PAGES } from './generated/wasm-binaries';
import { PARAMS_BYTES } from './kernels/context';
import { type SimdLevel, selectBinary } from './runtime/binaries';
import { WasmHeap } from './runtime/heap';
import type { KernelExports } from './runtime/kernel-exports';
import { ScratchArenas, SerialRunner } from './runtime/task-runner';
import { DEFAULT_SPIN_MICROSECONDS, ThreadPool, workerSupport } from './runtime/thread-pool';
import { createBackendObject, type WasmBackend } from './wasm-backend';

/**
 * Options of `createWasmBackend`.
 *
 * @example
 * await createWasmBackend({ threads: 2, simd: 'auto', initialMemoryMiB: 64 });
 */
export interface WasmBackendOptions {
  /**
   * Threads for large kernels (default 1). More than one needs worker threads and a shared
   * `WebAssembly.Memory`: Node's `worker_threads`, or a cross-origin isolated page in browsers.
   */
  threads?: number;
  /** 'auto' (default) uses relaxed SIMD where the engine validates it, else plain SIMD128. */
  simd?: SimdLevel | 'auto';
  /** Initial heap size in MiB (default 4); the heap grows on demand. */
  initialMemoryMiB?: number;
  /**
   * How long (µs) an idle worker polls for its next kernel before it sleeps (default 2000). Polling
   * keeps a worker awake through a training step, so each split kernel starts without a wake-up;
   * 0 makes workers sleep at once (they then cost no CPU between kernels, but each wake-up does).
   */
  spinMicroseconds?: number;
}

const PAGE_BYTES = 65536;
/** A split kernel has at most 255 chunks (one per thread; see runtime/worker-source.ts). */
const MAX_THREADS = 255;

/**
 * Creates the WebAssembly SIMD backend: tensors live in the module's linear memory and every op
 * runs a wasm kernel (or throws `UnsupportedOpError`, never falling back to js).
 *
 * @example
 * import { useBackend } from '@nagare/tensor';
 * useBackend(await createWasmBackend({ threads: 2 }));
 */
export async function createWasmBackend(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const threads = options.threads ?? 1;
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_THREADS) {
    throw new ArgumentError(
      'createWasmBackend',
      `threads must be an integer from 1 to ${MAX_THREADS}, got ${threads}`,
    );
  }
  const initialMiB = options.initialMemoryMiB ?? 4;
  if (!(initialMiB > 0 && initialMiB * 2 ** 20 <= MAXIMUM_PAGES * PAGE_BYTES)) {
    throw new ArgumentError(
      'createWasmBackend',
      `initialMemoryMiB must be in (0, ${(MAXIMUM_PAGES * PAGE_BYTES) / 2 ** 20}], got ${initialMiB}`,
    );
  }
  const spin = options.spinMicroseconds ?? DEFAULT_SPIN_MICROSECONDS;
  if (!(Number.isInteger(spin) && spin >= 0 && spin <= 1_000_000)) {
    throw new ArgumentError(
      'createWasmBackend',
      `spinMicroseconds must be an integer in [0, 1000000], got ${spin}`,
    );
  }
  const support = threads > 1 ? await workerSupport() : null;
  if (support && 'reason' in support) {
    console.warn(`@nagare/wasm: running on 1 thread instead of ${threads}: ${support.reason}.`);
  }
  const spawn = support && 'spawn' in support ? support.spawn : null;
  const isShared = spawn !== null;
  const { level, bytes } = selectBinary(options.simd ?? 'auto', isShared);
  const memory = new WebAssembly.Memory({
    initial: Math.ceil((initialMiB * 2 ** 20) / PAGE_BYTES),
    maximum: MAXIMUM_PAGES,
    shared: isShared,
  });
  const { module, instance } = await WebAssembly.instantiate(bytes as BufferSource, { env: { memory } });
  const exports = instance.exports as unknown as KernelExports;
  const heap = new WasmHeap(memory, exports.heapBase(), MAXIMUM_PAGES);
  const params = heap.allocate(PARAMS_BYTES);
  const scratch = new ScratchArenas(heap);
  const tasks = spawn
    ? await ThreadPool.create(threads, module, heap, exports, scratch, spawn, spin)
    : new SerialRunner(exports, scratch);
  const gemmScratchBytes = exports.gemmScratchBytes();
  return createBackendObject({ exports, heap, tasks, params, gemmScratchBytes }, level);
}
