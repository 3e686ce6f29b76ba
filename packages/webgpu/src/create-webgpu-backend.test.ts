import { ArgumentError, BackendError } from '@nagare/tensor';
import { afterEach, expect, test, vi } from 'vitest';
import { createWebGPUBackend } from './create-webgpu-backend';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('without navigator.gpu it throws a BackendError that suggests the wasm backend', async () => {
  vi.stubGlobal('navigator', {});
  const error = await createWebGPUBackend().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackendError);
  expect((error as BackendError).op).toBe('createWebGPUBackend');
  expect((error as Error).message).toMatch(/navigator\.gpu is missing/);
  expect((error as Error).message).toMatch(/useWasm\(\)/);
  expect((error as Error).message).toMatch(/createWasmBackend/);
});

test('without an adapter it throws a BackendError that says so', async () => {
  vi.stubGlobal('navigator', { gpu: { requestAdapter: async () => null } });
  const error = await createWebGPUBackend().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BackendError);
  expect((error as Error).message).toMatch(/no GPU adapter/);
  expect((error as Error).message).toMatch(/createWasmBackend/);
});

test('a negative pool size is an ArgumentError, checked before any GPU is requested', async () => {
  const requestAdapter = vi.fn();
  vi.stubGlobal('navigator', { gpu: { requestAdapter } });
  await expect(createWebGPUBackend({ maxPooledMiB: -1 })).rejects.toBeInstanceOf(ArgumentError);
  expect(requestAdapter).not.toHaveBeenCalled();
});
