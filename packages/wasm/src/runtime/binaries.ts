import { BackendError } from '@nagare/tensor';
import { RELAXED_SIMD_WASM, SIMD128_WASM } from '../generated/wasm-binaries';

/**
 * Which SIMD instruction set the kernels use: relaxed SIMD adds fused multiply-add to SIMD128.
 *
 * @example
 * const backend = await createWasmBackend({ simd: 'simd128' }); // backend.simd === 'simd128'
 */
export type SimdLevel = 'relaxed' | 'simd128';

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function readUnsigned(bytes: Uint8Array, at: number): [value: number, next: number] {
  let value = 0;
  let shift = 0;
  let position = at;
  for (;;) {
    const byte = bytes[position++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, position];
  }
}

/**
 * The binaries are built importing a shared memory (for threads). For one thread, or where
 * SharedArrayBuffer is unavailable (a page that is not cross-origin isolated), the memory-import
 * limits flag is patched from "shared, min, max" (0x03) to "min, max" (0x01): same length, and the
 * kernels use no atomics, so the module is otherwise unchanged.
 */
export function withMemoryShared(bytes: Uint8Array, isShared: boolean): Uint8Array {
  const patched = bytes.slice();
  let position = 8; // magic and version
  while (position < patched.length) {
    const id = patched[position++];
    const [size, start] = readUnsigned(patched, position);
    position = start + size;
    if (id !== 2) continue; // the import section
    // The modules import exactly one thing, the memory: module name, field name, kind 2, limits.
    let [count, at] = readUnsigned(patched, start);
    for (let name = 0; name < 2; name++) {
      const [length, next] = readUnsigned(patched, at);
      at = next + length;
    }
    const kind = patched[at++];
    if (count !== 1 || kind !== 2) break;
    patched[at] = isShared ? 0x03 : 0x01;
    return patched;
  }
  throw new BackendError('createWasmBackend', 'the kernel module does not import just its memory');
}

/**
 * True when this JavaScript engine accepts relaxed-SIMD instructions (Chromium and Node 22+; Node
 * 20 with `--experimental-wasm-relaxed-simd`), so `createWasmBackend()` will use them.
 *
 * @example
 * console.log(supportsRelaxedSimd() ? 'fused multiply-add' : 'plain SIMD128');
 */
export function supportsRelaxedSimd(): boolean {
  return WebAssembly.validate(withMemoryShared(decodeBase64(RELAXED_SIMD_WASM), false) as BufferSource);
}

/**
 * The kernel binary for `preference` ('auto' takes relaxed SIMD where the engine validates it,
 * else plain SIMD128), with its memory import patched for `isShared`.
 */
export function selectBinary(
  preference: SimdLevel | 'auto',
  isShared: boolean,
): { level: SimdLevel; bytes: Uint8Array } {
  const relaxed = withMemoryShared(decodeBase64(RELAXED_SIMD_WASM), isShared);
  const isRelaxedValid = preference !== 'simd128' && WebAssembly.validate(relaxed as BufferSource);
  if (preference === 'relaxed' && !isRelaxedValid) {
    throw new BackendError(
      'createWasmBackend',
      'relaxed SIMD is not supported by this engine (Node 20 needs --experimental-wasm-relaxed-simd); use simd: "auto"',
    );
  }
  if (isRelaxedValid) return { level: 'relaxed', bytes: relaxed };
  const plain = withMemoryShared(decodeBase64(SIMD128_WASM), isShared);
  if (!WebAssembly.validate(plain as BufferSource)) {
    throw new BackendError('createWasmBackend', 'this engine does not support WebAssembly SIMD128');
  }
  return { level: 'simd128', bytes: plain };
}
