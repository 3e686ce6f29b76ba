import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { memory } from './engine';
import { tensor } from './ops/creation';

/** `global.gc` when node runs with --expose-gc; otherwise the flag is turned on for this process. */
function getGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Creates tensors and drops every reference without disposing them. */
function abandonTensors(count: number): void {
  for (let i = 0; i < count; i++) tensor([i, i + 1, i + 2]).mul(2);
}

test('the FinalizationRegistry frees tensors that were garbage-collected without dispose()', async () => {
  const gc = getGc();
  const start = memory();
  abandonTensors(50);
  expect(memory().tensors).toBe(start.tensors + 100);
  // Finalizers run in a later task after a collection; collect and yield until they have run.
  for (let attempt = 0; attempt < 50 && memory().tensors > start.tensors; attempt++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(memory()).toMatchObject({ tensors: start.tensors, bytes: start.bytes });
});
