import { useBackend } from '@nagare/tensor';
import type { WebGPUBackend, WebGPUBackendOptions } from '@nagare/webgpu';

/**
 * Creates the WebGPU backend and makes it the active backend (browsers with WebGPU only). Without
 * `navigator.gpu` or a GPU adapter it throws a `BackendError` and leaves the active backend as it
 * was, so a page can fall back with `useWasm()`. `@nagare/webgpu` is loaded only here (a dynamic
 * import). On this backend values are read asynchronously: `await t.data()`,
 * `await t.toArrayAsync()`, `await t.itemAsync()`; `fit` and `evaluate` already do.
 *
 * @example
 * import { useWasm, useWebGPU } from 'nagare';
 * const backend = await useWebGPU().catch(() => useWasm()); // the GPU where there is one
 */
export async function useWebGPU(options: WebGPUBackendOptions = {}): Promise<WebGPUBackend> {
  const { createWebGPUBackend } = await import('@nagare/webgpu');
  const backend = await createWebGPUBackend(options);
  useBackend(backend);
  return backend;
}
