// The compute backends a live example can ask its worker for (see install-backend.ts, which runs in
// the workers; this module has no backend imports so that pages can list the choices cheaply).

/** Which backend a demo asks for: `auto` takes WebGPU where the browser has it, else wasm. */
export type BackendChoice = 'auto' | 'webgpu' | 'wasm';

/** The choices of the pages' backend switch, with their labels. */
export const BACKEND_CHOICES: readonly { value: BackendChoice; label: string }[] = [
  { value: 'auto', label: 'auto (WebGPU where available)' },
  { value: 'webgpu', label: 'WebGPU' },
  { value: 'wasm', label: 'WebAssembly' },
];

/**
 * The choice a page's URL asks for with `?backend=webgpu|wasm|auto` (so a link, or a test, can open
 * an example on a given backend), or null when it names none of them.
 */
export function backendFromUrl(search: string): BackendChoice | null {
  const asked = new URLSearchParams(search).get('backend');
  return BACKEND_CHOICES.find((choice) => choice.value === asked)?.value ?? null;
}
