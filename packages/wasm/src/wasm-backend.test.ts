import {
  ArgumentError,
  add,
  BackendError,
  full,
  getBackend,
  listOps,
  memory,
  mul,
  type OpName,
  randn,
  sum,
  tensor,
  UnsupportedOpError,
  useBackend,
} from '@nagare/tensor';
import { afterAll, expect, test } from 'vitest';
import { createWasmBackend, supportsRelaxedSimd } from './index';

const backend = await createWasmBackend({ initialMemoryMiB: 1 });
afterAll(() => backend.destroy?.());

function onWasm<T>(body: () => T): T {
  const previous = getBackend();
  useBackend(backend);
  try {
    return body();
  } finally {
    useBackend(previous);
  }
}

test('every op in the registry has a wasm kernel', () => {
  const missing = listOps()
    .map((def) => def.name)
    .filter(
      (name) => !(['float32', 'float64', 'int32', 'bool'] as const).some((d) => backend.supports(name, d)),
    );
  expect(missing).toEqual([]);
});

test('an op or dtype without a kernel throws UnsupportedOpError naming op, dtype and backend', () => {
  const data = backend.allocate('bool', 4);
  const view = { dataId: data, shape: [2, 2], dtype: 'bool' as const, size: 4 };
  expect(backend.supports('matmul', 'bool')).toBe(false);
  const run = () =>
    backend.runKernel('matmul', [view, view], { transposeA: false, transposeB: false }, [view]);
  expect(run).toThrow(UnsupportedOpError);
  expect(run).toThrow('matmul: no bool kernel on the wasm backend');
  const unknown = () => backend.runKernel('fft' as OpName, [view], {} as never, [view]);
  expect(unknown).toThrow(
    expect.objectContaining({ op: 'fft', dtype: 'bool', backend: 'wasm', code: 'UNSUPPORTED_OP' }),
  );
  backend.release(data, 'bool', 4);
});

test('a reused block reads as zeros: allocate promises zero-filled buffers', () => {
  const first = backend.allocate('float32', 100);
  backend.write(first, new Float32Array(100).fill(7));
  backend.release(first, 'float32', 100);
  const second = backend.allocate('float32', 100);
  expect(Array.from(backend.read(second, 'float32', 100))).toEqual(new Array(100).fill(0));
  backend.release(second, 'float32', 100);
});

test('a memory growth in the middle of an op sequence keeps every tensor intact', () => {
  onWasm(() => {
    const startBytes = backend.heapBytes;
    const a = tensor([1, 2, 3, 4]);
    const b = mul(a, 10);
    // 16 MiB: far beyond the 1 MiB start, so the memory grows and every view is replaced.
    const big = full([4 << 20], 2);
    expect(backend.heapBytes).toBeGreaterThan(startBytes);
    const c = add(b, a);
    expect(c.toArray()).toEqual([11, 22, 33, 44]);
    expect(sum(big).item()).toBe(2 * (4 << 20));
    expect(a.toArray()).toEqual([1, 2, 3, 4]);
    for (const t of [a, b, big, c]) t.dispose();
  });
});

test('memory() reports live bytes and the heap high-water mark; dispose returns memory', () => {
  onWasm(() => {
    const before = memory();
    expect(before.backend).toBe('wasm');
    const x = randn([1000], { seed: 2 });
    const during = memory();
    expect(during.bytes - before.bytes).toBe(4000);
    expect(during.tensors - before.tensors).toBe(1);
    x.dispose();
    const after = memory();
    expect(after.bytes).toBe(before.bytes);
    expect(after.tensors).toBe(before.tensors);
    // The block went back to its free list: allocating it again does not raise the high-water mark.
    const y = randn([1000], { seed: 3 });
    expect(memory().highWater).toBe(during.highWater);
    y.dispose();
  });
});

test('results can be read after the backend grew, and float64 and int32 round-trip', () => {
  onWasm(() => {
    const x = tensor([1.25, -2.5], { dtype: 'float64' });
    const i = tensor([7, -8], { dtype: 'int32' });
    const flags = tensor([true, false]);
    expect(x.toArray()).toEqual([1.25, -2.5]);
    expect(i.toArray()).toEqual([7, -8]);
    expect(flags.toArray()).toEqual([true, false]);
    for (const t of [x, i, flags]) t.dispose();
  });
});

test('createWasmBackend rejects bad options with an ArgumentError naming the option', async () => {
  await expect(createWasmBackend({ threads: 0 })).rejects.toThrow(ArgumentError);
  await expect(createWasmBackend({ threads: 1.5 })).rejects.toThrow(
    /threads must be an integer from 1 to 255, got 1.5/,
  );
  // Refused before a single worker starts.
  await expect(createWasmBackend({ threads: 100_000 })).rejects.toThrow(/from 1 to 255, got 100000/);
  await expect(createWasmBackend({ spinMicroseconds: -1 })).rejects.toThrow(/spinMicroseconds/);
  await expect(createWasmBackend({ initialMemoryMiB: 0 })).rejects.toThrow(/initialMemoryMiB/);
});

test("simd: 'relaxed' runs relaxed SIMD where the engine has it and is refused where it has not", async () => {
  if (supportsRelaxedSimd()) {
    const relaxed = await createWasmBackend({ simd: 'relaxed' });
    expect(relaxed.simd).toBe('relaxed');
    relaxed.destroy();
  } else {
    await expect(createWasmBackend({ simd: 'relaxed' })).rejects.toThrow(BackendError);
    expect((await createWasmBackend()).simd).toBe('simd128');
  }
});

test('destroy stops the worker threads once; a second call does nothing', async () => {
  const pooled = await createWasmBackend({ threads: 2 });
  expect(pooled.threads).toBe(2);
  pooled.destroy();
  expect(() => pooled.destroy()).not.toThrow();
});
