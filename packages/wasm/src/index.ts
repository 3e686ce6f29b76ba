// @nagare/wasm — the public surface. Everything not listed here is internal.
export type { WasmBackendOptions } from './create-wasm-backend';
export { createWasmBackend } from './create-wasm-backend';
export type { SimdLevel } from './runtime/binaries';
export { supportsRelaxedSimd } from './runtime/binaries';
export type { ThreadActivity } from './runtime/task-runner';
export type { WasmBackend } from './wasm-backend';
