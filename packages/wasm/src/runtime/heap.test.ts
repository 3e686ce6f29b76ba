import { expect, test } from 'vitest';
import { classBytes, sizeClassOf, WasmHeap } from './heap';

test('size classes cover the request and waste at most a quarter of a block', () => {
  for (let bytes = 1; bytes < 1 << 22; bytes = Math.ceil(bytes * 1.07) + 1) {
    const size = classBytes(sizeClassOf(bytes));
    expect(size).toBeGreaterThanOrEqual(bytes);
    expect(size % 16).toBe(0);
    if (bytes > 64) expect(size).toBeLessThanOrEqual(bytes * 1.25);
  }
  expect(classBytes(sizeClassOf(64))).toBe(64);
  expect([65, 80, 81, 96, 128, 129].map((b) => classBytes(sizeClassOf(b)))).toEqual([
    80, 80, 96, 96, 128, 160,
  ]);
});

test('freed blocks are reused by their class before the heap grows', () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 64 });
  const heap = new WasmHeap(memory, 1024, 64);
  const a = heap.allocate(1000);
  const b = heap.allocate(1000);
  expect(heap.wasReused).toBe(false);
  heap.free(a, 1000);
  expect(heap.allocate(990)).toBe(a); // same class
  expect(heap.wasReused).toBe(true);
  expect(heap.allocate(1000)).not.toBe(b);
  expect(heap.highWater).toBe(3 * classBytes(sizeClassOf(1000)));
});

test('growing the memory rebuilds the views, and the old data is still there', () => {
  const memory = new WebAssembly.Memory({ initial: 1, maximum: 64 });
  const heap = new WasmHeap(memory, 0, 64);
  const first = heap.allocate(4096);
  heap.f32.set([1.5, 2.5], first >>> 2);
  const oldView = heap.f32;
  heap.allocate(200_000); // more than the first 64 KiB page
  expect(heap.capacity).toBeGreaterThan(65536);
  expect(heap.f32 === oldView).toBe(false);
  expect(oldView.length).toBe(0); // the old buffer was detached by the growth
  expect(Array.from(heap.f32.subarray(first >>> 2, (first >>> 2) + 2))).toEqual([1.5, 2.5]);
});

test('allocations past the maximum throw a BackendError naming the op, and count nothing', () => {
  const heap = new WasmHeap(new WebAssembly.Memory({ initial: 1, maximum: 2 }), 0, 2);
  expect(() => heap.allocate(1 << 20)).toThrow(/allocate: the wasm heap cannot grow/);
  expect(() => heap.allocate(1 << 20, 'matmul')).toThrow(/^matmul: the wasm heap cannot grow/);
  expect(heap.usedBytes).toBe(0);
});

test('each request gets the smallest size class that holds it', () => {
  const check = (bytes: number) => {
    const index = sizeClassOf(bytes);
    expect(classBytes(index)).toBeGreaterThanOrEqual(bytes);
    if (index > 0) expect(classBytes(index - 1)).toBeLessThan(bytes);
  };
  for (let bytes = 1; bytes <= 1 << 16; bytes++) check(bytes);
  for (let bytes = 1 << 16; bytes < 2 ** 31; bytes = Math.floor(bytes * 1.37) + 1) {
    check(bytes - 1);
    check(bytes);
  }
  check(2 ** 31 - 1);
});
