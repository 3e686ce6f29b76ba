import { useBackend } from '@nagare/tensor';
import type { WasmBackend, WasmBackendOptions } from '@nagare/wasm';

/**
 * Creates the WebAssembly SIMD backend and makes it the active backend; until this is called every
 * op runs on the pure-TypeScript `js` backend. `@nagare/wasm` is loaded only here (a dynamic
 * import), so programs that never call it never load the wasm module. Returns the backend.
 *
 * @example
 * import { useWasm, randn, matmul } from 'nagare';
 * await useWasm({ threads: 2 });
 * matmul(randn([256, 256]), randn([256, 256])); // runs in WebAssembly
 */
export async function useWasm(options: WasmBackendOptions = {}): Promise<WasmBackend> {
  const { createWasmBackend } = await import('@nagare/wasm');
  const backend = await createWasmBackend(options);
  useBackend(backend);
  return backend;
}
