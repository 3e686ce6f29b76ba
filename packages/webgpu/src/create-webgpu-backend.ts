import { ArgumentError, BackendError } from '@nagare/tensor';
import { GpuRuntime } from './runtime/gpu-runtime';
import { createBackendObject, type WebGPUBackend } from './webgpu-backend';

/**
 * Options of `createWebGPUBackend`.
 *
 * @example
 * await createWebGPUBackend({ powerPreference: 'high-performance', maxPooledMiB: 512 });
 */
export interface WebGPUBackendOptions {
  /** Which adapter to ask for when the machine has several (default: the browser's choice). */
  powerPreference?: GPUPowerPreference;
  /** A device you already have; the backend then uses it instead of requesting an adapter. */
  device?: GPUDevice;
  /**
   * MiB of freed buffers kept for reuse (default 256). Past it freed buffers are destroyed, so a
   * model that stops using some shapes does not pin their memory forever.
   */
  maxPooledMiB?: number;
}

/** The limits kernels need raised from WebGPU's defaults, up to what the adapter offers. */
const RAISED_LIMITS = [
  'maxStorageBuffersPerShaderStage',
  'maxStorageBufferBindingSize',
  'maxBufferSize',
  'maxComputeWorkgroupsPerDimension',
  'maxComputeWorkgroupStorageSize',
  'maxComputeInvocationsPerWorkgroup',
  'maxComputeWorkgroupSizeX',
  'maxComputeWorkgroupSizeY',
] as const;

const NO_WEBGPU_HINT =
  "use the wasm backend instead: `await useWasm()` from 'nagare', or `useBackend(await createWasmBackend())` with @nagare/wasm";

async function requestDevice(options: WebGPUBackendOptions): Promise<{ device: GPUDevice; info: string }> {
  const gpu = (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) {
    throw new BackendError(
      'createWebGPUBackend',
      `navigator.gpu is missing: this runtime has no WebGPU (it needs a browser with WebGPU over https or localhost); ${NO_WEBGPU_HINT}`,
    );
  }
  const adapter = await gpu.requestAdapter({ powerPreference: options.powerPreference });
  if (!adapter) {
    throw new BackendError(
      'createWebGPUBackend',
      `navigator.gpu.requestAdapter() found no GPU adapter (WebGPU disabled or no supported GPU); ${NO_WEBGPU_HINT}`,
    );
  }
  const requiredLimits: Record<string, number> = {};
  for (const name of RAISED_LIMITS) requiredLimits[name] = adapter.limits[name];
  const device = await adapter.requestDevice({ requiredLimits });
  const info = adapter.info ? `${adapter.info.vendor} ${adapter.info.architecture}`.trim() : 'unknown';
  return { device, info };
}

/**
 * Creates the WebGPU backend: tensors live in GPU buffers and every op runs a WGSL compute shader
 * (or throws `UnsupportedOpError`, never falling back to js). Values are read only asynchronously
 * (`await t.data()`, `toArrayAsync()`, `itemAsync()`); float64 is refused. Browser only.
 *
 * @example
 * import { useBackend } from '@nagare/tensor';
 * useBackend(await createWebGPUBackend());
 */
export async function createWebGPUBackend(options: WebGPUBackendOptions = {}): Promise<WebGPUBackend> {
  const maxPooledMiB = options.maxPooledMiB ?? 256;
  if (!(maxPooledMiB >= 0 && Number.isFinite(maxPooledMiB))) {
    throw new ArgumentError(
      'createWebGPUBackend',
      `maxPooledMiB must be a finite number ≥ 0, got ${maxPooledMiB}`,
    );
  }
  const { device, info } = options.device
    ? { device: options.device, info: 'provided device' }
    : await requestDevice(options);
  return createBackendObject(new GpuRuntime(device, maxPooledMiB * 2 ** 20), info);
}
