import { expect, test } from 'vitest';
import { createJsBackend } from '../backends/js/js-backend';
import { getBackend, useBackend } from '../engine/active-backend';
import { SyncReadError } from '../errors/sync-read-error';
import { tensor } from '../ops/creation';
import { asyncOnlyBackend } from './async-only-backend';
import { ALL_CASES } from './cases';
import { checkOpCaseAsync } from './check-op-case-async';

async function onAsyncOnly<T>(body: () => Promise<T>): Promise<T> {
  const previous = getBackend();
  useBackend(asyncOnlyBackend(createJsBackend()));
  try {
    return await body();
  } finally {
    useBackend(previous);
  }
}

test('on a backend that reads only asynchronously, sync reads name the async call to use', async () => {
  await onAsyncOnly(async () => {
    const t = tensor([
      [1, 2],
      [3, 4],
    ]);
    expect(() => t.dataSync()).toThrow(SyncReadError);
    expect(() => t.toArray()).toThrow(
      /toArray: the js \(async reads\) backend reads tensors asynchronously; use `await tensor.toArrayAsync\(\)`/,
    );
    expect(() => tensor([5]).item()).toThrow(/use `await tensor.itemAsync\(\)`/);
    expect(Array.from(await t.data())).toEqual([1, 2, 3, 4]);
    expect(await t.toArrayAsync()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(await tensor([true, false], { dtype: 'bool' }).toArrayAsync()).toEqual([true, false]);
    expect(await tensor(7).itemAsync()).toBe(7);
    await expect(t.itemAsync()).rejects.toThrow(/itemAsync: tensor has 4 elements, not 1/);
  });
});

test('data() may be followed at once by dispose(): the read has started', async () => {
  await onAsyncOnly(async () => {
    const t = tensor([1, 2, 3]);
    const pending = t.data();
    t.dispose();
    expect(Array.from(await pending)).toEqual([1, 2, 3]);
    await expect(t.data()).rejects.toThrow(/disposed/);
  });
});

test('the async reads give the same values as the sync ones on a sync backend', async () => {
  const t = tensor([[1.5, -2]]);
  expect(await t.toArrayAsync()).toEqual(t.toArray());
  expect(Array.from(await t.data())).toEqual(Array.from(t.dataSync()));
  t.dispose();
});

test('checkOpCaseAsync passes every op case on an async-only js backend, and catches a wrong one', async () => {
  const failures: string[] = [];
  await onAsyncOnly(async () => {
    for (const c of ALL_CASES) {
      if (c.skip?.js) continue;
      const problem = await checkOpCaseAsync(c);
      if (problem) failures.push(`${c.op} (${c.name}): ${problem}`);
    }
    const broken = { ...ALL_CASES[0], expected: 12345 } as (typeof ALL_CASES)[number];
    expect(await checkOpCaseAsync(broken)).not.toBeNull();
  });
  expect(failures).toEqual([]);
});
