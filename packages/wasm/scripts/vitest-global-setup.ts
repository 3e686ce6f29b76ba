import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Builds src/generated/wasm-binaries.ts before any test file imports it (a no-op when up to date). */
export default function setup(): void {
  const script = fileURLToPath(new URL('./build-wasm.mjs', import.meta.url));
  execFileSync(process.execPath, [script], { stdio: 'inherit' });
}
