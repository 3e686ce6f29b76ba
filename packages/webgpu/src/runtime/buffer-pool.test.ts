import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { BufferPool, sizeClass } from './buffer-pool';

// A stand-in device: the pool only creates buffers and reads their size (Node has no WebGPU).
function fakeDevice(maxBufferSize = 2 ** 30) {
  const created: { size: number; destroyed: boolean }[] = [];
  const device = {
    limits: { maxBufferSize },
    createBuffer: ({ size }: { size: number }) => {
      const buffer = { size, destroyed: false, destroy: () => (buffer.destroyed = true) };
      created.push(buffer);
      return buffer;
    },
  };
  return { device: device as unknown as GPUDevice, created };
}

beforeEach(() => {
  vi.stubGlobal('GPUBufferUsage', { STORAGE: 128, COPY_SRC: 4, COPY_DST: 8 });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

test('size classes are powers of two from 256 bytes, exact past the device maximum', () => {
  expect(sizeClass(0, 2 ** 30)).toBe(256);
  expect(sizeClass(257, 2 ** 30)).toBe(512);
  expect(sizeClass(4096, 2 ** 30)).toBe(4096);
  expect(sizeClass(600, 1000)).toBe(600);
});

test('a released buffer is reused by the next request of its class and counted once', () => {
  const { device, created } = fakeDevice();
  const pool = new BufferPool(device, 2 ** 20, (buffer) => buffer.destroy());
  const first = pool.acquire(1000);
  expect(first.isReused).toBe(false);
  pool.release(first.buffer);
  expect(pool.memory()).toEqual({ buffers: 1, bytes: 1024, pooled: 1, pooledBytes: 1024 });
  const second = pool.acquire(700);
  expect(second).toEqual({ buffer: first.buffer, isReused: true });
  expect(created).toHaveLength(1);
  expect(pool.memory()).toEqual({ buffers: 1, bytes: 1024, pooled: 0, pooledBytes: 0 });
});

test('past maxPooledBytes a released buffer is retired instead of pooled', () => {
  const { device, created } = fakeDevice();
  const retire = vi.fn();
  const pool = new BufferPool(device, 1024, retire);
  const a = pool.acquire(1024);
  const b = pool.acquire(1024);
  pool.release(a.buffer);
  pool.release(b.buffer);
  expect(retire).toHaveBeenCalledWith(created[1]);
  expect(pool.memory()).toEqual({ buffers: 1, bytes: 1024, pooled: 1, pooledBytes: 1024 });
});
