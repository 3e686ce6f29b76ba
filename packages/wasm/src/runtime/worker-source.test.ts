import { expect, test } from 'vitest';
import * as SLOT from './worker-source';
import { runChunks } from './worker-source';

/** A job block at byte 0 of a fresh memory, as ThreadPool.run publishes it. */
function publishJob(
  words: Int32Array,
  floats: Float64Array,
  job: { task: number; total: number; chunks: number; args: number[]; scratch: number[] },
) {
  words[SLOT.COMPLETED] = 0;
  words[SLOT.TASK] = job.task;
  words[SLOT.TOTAL] = job.total;
  words[SLOT.FAILED] = 0;
  job.args.forEach((value, i) => {
    floats[SLOT.ARGUMENTS + i] = value;
  });
  job.scratch.forEach((pointer, thread) => {
    words[SLOT.SCRATCH_TABLE + thread] = pointer;
  });
  Atomics.store(words, SLOT.CLAIM, (1 << SLOT.GENERATION_SHIFT) | (job.chunks << 8));
}

test('a chunk gets the scratch block and arguments of the job it claimed, for any thread', () => {
  const memory = new SharedArrayBuffer(SLOT.JOB_WORDS * 4);
  const words = new Int32Array(memory);
  const floats = new Float64Array(memory);
  const calls: { task: string; args: number[] }[] = [];
  const functions = [
    (...args: number[]) => calls.push({ task: 'with scratch', args }),
    (...args: number[]) => calls.push({ task: 'without', args }),
  ];
  // A worker (thread 1) that woke for a job with scratch blocks, then was descheduled while the
  // calling thread ran that job alone and published the next one, which takes none: it must call
  // the next task with that task's own argument list, not with a stale scratch address in front.
  publishJob(words, floats, { task: 1, total: 10, chunks: 2, args: [7, 8], scratch: [-1, -1] });
  runChunks(words, floats, 0, functions, 1);
  expect(calls).toEqual([
    { task: 'without', args: [0, 5, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0] },
    { task: 'without', args: [5, 10, 7, 8, 0, 0, 0, 0, 0, 0, 0, 0] },
  ]);
  expect(words[SLOT.COMPLETED]).toBe(2);

  // And the other way round: a task with scratch gets the claiming thread's own block.
  calls.length = 0;
  publishJob(words, floats, { task: 0, total: 4, chunks: 2, args: [3], scratch: [1024, 2048] });
  runChunks(words, floats, 0, functions, 1);
  expect(calls.map((call) => call.args.slice(0, 4))).toEqual([
    [0, 2, 2048, 3],
    [2, 4, 2048, 3],
  ]);
});

test('a thread finds nothing to do in a job whose chunks are all claimed', () => {
  const memory = new SharedArrayBuffer(SLOT.JOB_WORDS * 4);
  const words = new Int32Array(memory);
  const floats = new Float64Array(memory);
  let calls = 0;
  publishJob(words, floats, { task: 0, total: 4, chunks: 2, args: [], scratch: [-1, -1] });
  Atomics.add(words, SLOT.CLAIM, 2); // both chunks already taken by other threads
  runChunks(words, floats, 0, [() => calls++], 1);
  expect(calls).toBe(0);
});
