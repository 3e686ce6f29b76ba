// The webgpu runtime in headless Chromium: float64 refusal, async-only reads, buffer reuse and
// ordering, tensor lifetimes, 2-D dispatches and a 1,000-step loop with flat GPU memory.
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import type * as entries from './entries/runtime';

const ENTRY = fileURLToPath(new URL('./entries/runtime.ts', import.meta.url));
type Entries = typeof entries;
const run = <K extends keyof Entries>(name: K, args: Parameters<Entries[K]>[0] = {} as never) =>
  runInBrowser<Awaited<ReturnType<Entries[K]>>>(ENTRY, name, args);

describe.skipIf(browserSkipReason !== null)(`webgpu runtime ${browserSkipReason ?? ''}`, () => {
  afterAll(closeBrowser);

  test('float64 is refused with a DTypeError that suggests js or wasm, and nothing leaks', async () => {
    const result = await run('float64Refusal');
    // Each refusal names what the user called: `tensor(…, { dtype: 'float64' })` and `cast`.
    expect(result.creation).toMatchObject({ op: 'tensor' });
    expect(result.castTo).toMatchObject({ op: 'cast' });
    expect(result.castTo?.message).toMatch(/^cast: /);
    for (const refusal of [result.creation, result.castTo]) {
      expect(refusal).toMatchObject({ name: 'DTypeError', code: 'DTYPE_MISMATCH' });
      expect(refusal?.message).toMatch(/float64/);
      expect(refusal?.message).toMatch(/js or wasm backend/);
    }
    expect(result.supportsAdd).toBe(false);
    expect(result.supportsAddFloat32).toBe(true);
    expect(result.after.tensors).toBe(result.before.tensors);
    expect(result.after.bytes).toBe(result.before.bytes);
    expect(result.after.gpu.buffers - result.after.gpu.pooled).toBe(
      result.before.gpu.buffers - result.before.gpu.pooled,
    );
  });

  test('a tensor above the largest storage buffer is a BackendError, before any buffer exists', async () => {
    const { error, before, after } = await run('oversizedTensor');
    expect(error).toMatchObject({ name: 'BackendError', op: 'allocate' });
    expect(error?.message).toMatch(/largest storage buffer/);
    expect(after).toEqual(before);
  });

  test('dataSync, toArray and item throw SyncReadError naming the async call; data() works', async () => {
    const result = await run('syncReads');
    expect(result.dataSync).toMatchObject({ name: 'SyncReadError', code: 'SYNC_READ' });
    expect(result.dataSync?.message).toMatch(/await tensor\.data\(\)/);
    expect(result.toArray?.message).toMatch(/toArrayAsync/);
    expect(result.item?.message).toMatch(/itemAsync/);
    expect(result.backendRead).toMatchObject({ name: 'SyncReadError' });
    expect(result.data).toEqual([1, 2, 3, 4]);
    expect(result.toArrayAsync).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(result.itemAsync).toBe(5);
    expect(result.bools).toEqual([true, false, true]);
  });

  test('reads survive dispose, buffer reuse keeps command order, reused buffers are zeroed', async () => {
    const result = await run('orderingAndReuse');
    expect(result.readAfterDispose).toEqual([1, 2, 3]);
    expect(result.b).toEqual([7, 8, 9]);
    expect(result.y).toEqual([11, 21, 31]);
    expect(result.z).toEqual([-1, -1, -1]);
    expect(result.zeroed).toEqual([0, 0, 0]);
    expect(result.chain).toBe(300);
  });

  test('dispose, tidy and the live-tensor counters work as on the other backends', async () => {
    const result = await run('lifetimes');
    expect(result.afterCreate.tensors).toBe(result.start.tensors + 1);
    expect(result.afterCreate.bytes).toBe(result.start.bytes + 16);
    expect(result.afterTidy.tensors).toBe(result.start.tensors + 2); // x and the kept result
    expect(result.end).toMatchObject({
      tensors: result.start.tensors,
      bytes: result.start.bytes,
      backend: 'webgpu',
    });
    expect(result.values).toEqual([-2, 0, 4, 10]);
    expect(result.gpu.buffers).toBe(result.gpu.pooled); // every buffer is back in the pool
  });

  test('gather, scatterAdd and oneHot give zeros (or skip) for indices out of range', async () => {
    expect(await run('outOfRangeIndices')).toEqual({
      gathered: [
        [3, 4],
        [0, 0],
        [3, 4],
        [0, 0],
      ],
      scattered: [1, 0, 100],
      encoded: [
        [0, 0, 1],
        [0, 0, 0],
        [0, 0, 0],
      ],
    });
  });

  test('an op over more than 65,535 × 64 elements folds its dispatch into 2-D', async () => {
    const size = 65_535 * 64 + 1000;
    expect(await run('largeDispatch', { size })).toEqual({ length: size, wrong: 0 });
  });

  test('a 1,000-step training loop keeps live tensors, GPU buffers and bytes flat', async () => {
    const { samples, learned } = await run('trainingLoop', { steps: 1000 });
    const [first, last] = samples;
    expect(last.step).toBe(1000);
    expect(last.tensors).toBe(first.tensors);
    expect(last.buffers).toBe(first.buffers);
    expect(last.bytes).toBe(first.bytes);
    // w·x = target has the exact solution w = target / x.
    const solution = [3, -2, 2, -3];
    for (let i = 0; i < solution.length; i++) expect(learned[i]).toBeCloseTo(solution[i], 4);
  });
});
