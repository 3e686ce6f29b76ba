import {
  conv2d,
  exp,
  getBackend,
  matmul,
  randn,
  sin,
  softmax,
  softplus,
  sum,
  type Tensor,
  tidy,
  useBackend,
} from '@nagare/tensor';
import { afterAll, expect, test } from 'vitest';
import { createWasmBackend, type WasmBackend } from './index';
import { WasmData } from './runtime/wasm-data';

const serial = await createWasmBackend({ threads: 1 });
const threaded = await createWasmBackend({ threads: 2 });
afterAll(() => {
  serial.destroy?.();
  threaded.destroy?.();
});

/** Runs `build` on `backend` and returns the raw bytes of its result. */
function bytesOn(backend: WasmBackend, build: () => Tensor): Uint8Array {
  const previous = getBackend();
  useBackend(backend);
  try {
    return tidy(() => {
      const y = build();
      const values = y.dataSync();
      return new Uint8Array(values.buffer, values.byteOffset, values.byteLength).slice();
    });
  } finally {
    useBackend(previous);
  }
}

test('threads: 2 really starts a worker', () => {
  expect(threaded.threads).toBe(2);
  expect(serial.threads).toBe(1);
});

test.each([
  ['matmul 300x200 · 200x100', () => matmul(randn([300, 200], { seed: 1 }), randn([200, 100], { seed: 2 }))],
  [
    'matmul with transposes',
    () =>
      matmul(randn([200, 301], { seed: 3 }), randn([97, 200], { seed: 4 }), {
        transposeA: true,
        transposeB: true,
      }),
  ],
  [
    'conv2d',
    () => conv2d(randn([4, 8, 20, 20], { seed: 5 }), randn([16, 8, 3, 3], { seed: 6 }), { padding: 1 }),
  ],
  ['exp over 300k', () => exp(randn([300_000], { seed: 7 }))],
  ['softplus of sin over 300k', () => softplus(sin(randn([300_001], { seed: 10 }).mul(1e7)))],
  ['softmax rows', () => softmax(randn([2000, 300], { seed: 8 }))],
  ['sum of rows', () => sum(randn([4000, 300], { seed: 9 }), 1)],
])('%s is bit-identical on 1 and 2 threads', (_name, build) => {
  const one = bytesOn(serial, build);
  const splitBefore = threaded.parallelKernels;
  const two = bytesOn(threaded, build);
  expect(threaded.parallelKernels).toBeGreaterThan(splitBefore); // the work really was shared
  expect(two.length).toBe(one.length);
  // Compare as bytes in one pass: toEqual on millions of elements is slow.
  expect(Buffer.compare(one, two)).toBe(0);
});

test('a kernel that traps on a worker is reported, and the pool keeps working', () => {
  const size = 1 << 20;
  const x = threaded.allocate('float32', size);
  // An output past the end of the memory: both halves of the split kernel trap.
  const broken = new WasmData(threaded.heapBytes - 64, size * 4, false);
  const view = (dataId: object) => ({ dataId, shape: [size], dtype: 'float32' as const, size });
  expect(() => threaded.runKernel('exp', [view(x)], {}, [view(broken)])).toThrow();
  threaded.release(x, 'float32', size);
  const build = () => exp(randn([300_000], { seed: 11 }));
  expect(Buffer.compare(bytesOn(threaded, build), bytesOn(serial, build))).toBe(0);
});

test('threadActivity reports split kernels and the worker time they took', () => {
  const before = threaded.threadActivity();
  bytesOn(threaded, () => matmul(randn([256, 256], { seed: 1 }), randn([256, 256], { seed: 2 })));
  const after = threaded.threadActivity();
  expect(after.parallelRuns).toBeGreaterThan(before.parallelRuns);
  expect(after.workerBusyMs).toHaveLength(1);
  expect(after.workerBusyMs[0]).toBeGreaterThanOrEqual(before.workerBusyMs[0]);
  expect(after.waitMs).toBeGreaterThanOrEqual(before.waitMs);
  expect(serial.threadActivity()).toEqual({ parallelRuns: 0, workerBusyMs: [], waitMs: 0 });
});

test('a split kernel completes and matches one thread when the worker has gone to sleep', async () => {
  // With no polling, the worker is asleep at every hand-off: the calling thread may claim both
  // chunks itself, or the worker wakes in time for one; either way the bytes are the same.
  const sleepy = await createWasmBackend({ threads: 2, spinMicroseconds: 0 });
  try {
    const build = () => exp(randn([300_000], { seed: 5 }));
    const expected = Buffer.from(bytesOn(serial, build));
    let mismatches = 0;
    for (let run = 0; run < 20; run++) if (!expected.equals(bytesOn(sleepy, build))) mismatches++;
    expect(mismatches).toBe(0);
    expect(sleepy.parallelKernels).toBeGreaterThan(0);
  } finally {
    sleepy.destroy();
  }
});
