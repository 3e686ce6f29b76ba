// Runs inside the demo workers: every demo computes with the WebAssembly SIMD backend when the
// browser can run it, and says which backend it got so the page can show it.
import { createJsBackend, useBackend } from '@nagare/tensor';
import { createWasmBackend, type WasmBackend } from '@nagare/wasm';

let current: { threads: number; backend: WasmBackend } | null = null;

/**
 * Installs the wasm backend with `threads` threads (the js reference backend if WebAssembly SIMD is
 * unavailable) and names it. More than one thread needs a cross-origin isolated page; the backend
 * falls back to one thread by itself otherwise. Asking again with another count replaces it.
 */
export async function installBackend(threads = 1): Promise<string> {
  try {
    if (current?.threads !== threads) {
      current?.backend.destroy();
      current = { threads, backend: await createWasmBackend({ threads }) };
    }
    useBackend(current.backend);
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    const pool = threads > 1 && isolated ? `, ${threads} threads` : '';
    return `wasm (${current.backend.simd}${pool})`;
  } catch (error) {
    useBackend(createJsBackend());
    return `js (wasm unavailable: ${(error as Error).message})`;
  }
}
