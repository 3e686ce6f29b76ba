// Runs inside the demo workers: a demo computes on WebGPU when the page asks for it and the browser
// has it, else with the WebAssembly SIMD backend (the js reference backend if WebAssembly SIMD is
// unavailable), and says which backend it got so the page can show it.
import { type Backend, createJsBackend, useBackend } from '@nagare/tensor';
import { createWasmBackend, type WasmBackend } from '@nagare/wasm';
import { createWebGPUBackend, type WebGPUBackend } from '@nagare/webgpu';
import type { BackendChoice } from './backend-choices';

let wasm: { threads: number; backend: WasmBackend } | null = null;
let webgpu: Promise<WebGPUBackend> | null = null;

async function installWasm(threads: number, why = ''): Promise<string> {
  try {
    if (wasm?.threads !== threads) {
      wasm?.backend.destroy();
      wasm = { threads, backend: await createWasmBackend({ threads }) };
    }
    useBackend(wasm.backend);
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
    const pool = threads > 1 && isolated ? `, ${threads} threads` : '';
    return `wasm (${wasm.backend.simd}${pool})${why}`;
  } catch (error) {
    useBackend(createJsBackend());
    return `js (wasm unavailable: ${(error as Error).message})${why}`;
  }
}

/** The short reason `createWebGPUBackend` failed, for the page's one-line backend label. */
function whyNoWebGPU(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('navigator.gpu is missing')) return 'this browser has no WebGPU';
  if (message.includes('no GPU adapter')) return 'no GPU adapter';
  return message.replace(/^createWebGPUBackend: /, '').split(';')[0];
}

/**
 * Installs the backend `choice` asks for and returns its name as the page shows it: `webgpu (…)`,
 * `wasm (relaxed, 2 threads)`, or the fallback with the reason (`wasm (…); WebGPU unavailable: …`).
 * An explicit `webgpu` that the browser cannot provide is an error; `auto` falls back to wasm.
 * `threads` applies to wasm: more than one needs a cross-origin isolated page, and the backend
 * falls back to one thread by itself otherwise.
 */
export async function installBackend(threads = 1, choice: BackendChoice = 'wasm'): Promise<string> {
  if (choice === 'wasm') return installWasm(threads);
  try {
    webgpu ??= createWebGPUBackend();
    const backend: Backend = await webgpu;
    useBackend(backend);
    return 'webgpu';
  } catch (error) {
    webgpu = null;
    if (choice === 'webgpu') throw error;
    return installWasm(threads, `; WebGPU unavailable: ${whyNoWebGPU(error)}`);
  }
}
