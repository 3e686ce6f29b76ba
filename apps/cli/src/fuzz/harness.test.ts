import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { DEFAULT_BUDGET, runFuzz } from './harness';

const MISBEHAVING = fileURLToPath(new URL('./__fixtures__/misbehaving-child.ts', import.meta.url));

test('the harness fails cases that hang, overrun memory, throw untyped errors or kill the worker, and carries on', {
  timeout: 120_000,
}, async () => {
  // Long enough for the memory case to fill its pages on a busy machine before it counts as a hang.
  const budget = { ...DEFAULT_BUDGET, caseTimeoutMs: 6000, memoryBytes: 256 * 2 ** 20 };
  const summary = await runFuzz('csv', 10, 1, budget, MISBEHAVING);
  expect(summary.failures.map((f) => [f.index, f.kind])).toEqual([
    [1, 'hang'],
    [3, 'memory'],
    [5, 'untyped'],
    [7, 'crash'],
  ]);
  expect(summary.typedError).toBe(6);
  expect(summary.loaded).toBe(0);
});
