// Runs inside the demo workers: every demo computes with the WebAssembly SIMD backend when the
// browser can run it, and says which backend it got so the page can show it.
import { createJsBackend, useBackend } from '@nagare/tensor';
import { createWasmBackend } from '@nagare/wasm';

/** Installs the wasm backend (the js reference backend if WebAssembly SIMD is unavailable) and names it. */
export async function installBackend(): Promise<string> {
  try {
    const backend = await createWasmBackend();
    useBackend(backend);
    return `wasm (${backend.simd})`;
  } catch (error) {
    useBackend(createJsBackend());
    return `js (wasm unavailable: ${(error as Error).message})`;
  }
}
