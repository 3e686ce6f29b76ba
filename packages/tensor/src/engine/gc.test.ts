import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { tensor } from '../ops/creation';
import type { Tensor } from '../tensor';
import { memory } from './active-backend';

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

test('tensors disposed in their own job or after it are not freed again by the safety net', async () => {
  const gc = getGc();
  const start = memory();
  const sameJob = tensor([1, 2, 3]);
  sameJob.dispose();
  let laterJob: Tensor | null = tensor([4, 5, 6]);
  abandonTensors(5); // canaries: once these are collected, the finalizers have run
  await new Promise((resolve) => setTimeout(resolve, 0));
  laterJob.dispose();
  laterJob = null;
  for (let attempt = 0; attempt < 50 && memory().tensors > start.tensors; attempt++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  // A second release of either tensor would take the count and the bytes below where they started.
  expect(memory()).toMatchObject({ tensors: start.tensors, bytes: start.bytes });
});

test('tensors abandoned among many disposed in one job are still freed by the safety net', async () => {
  const gc = getGc();
  const start = memory();
  // Enough disposals in one synchronous job to sweep the list of handles awaiting registration.
  for (let i = 0; i < 3; i++) {
    abandonTensors(10);
    for (let j = 0; j < 5000; j++) tensor([j]).dispose();
  }
  expect(memory().tensors).toBe(start.tensors + 60);
  for (let attempt = 0; attempt < 50 && memory().tensors > start.tensors; attempt++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  expect(memory()).toMatchObject({ tensors: start.tensors, bytes: start.bytes });
});
