export type { WebGPUBackendOptions, WebGPUDevice } from './create-webgpu-backend';
export { createWebGPUBackend } from './create-webgpu-backend';
export type { GpuMemory } from './runtime/buffer-pool';
export type { WebGPUBackend } from './webgpu-backend';
