// The source of a kernel worker, run by Node's worker_threads (eval) or a browser Worker (blob
// URL). It instantiates the kernel module on the shared memory, then loops: wait for its control
// slot's generation word to change, then claim chunks of the current job until none is left.
//
// A job is one split kernel, described once in the job block and cut into `chunks` fixed ranges.
// Every thread, the calling one included, claims chunks with a compare-and-swap on the claim word,
// so a worker that is asleep or descheduled never holds up the step: the others take its chunks.
// The ranges do not depend on who runs them, so results are bit-identical for any thread count.
//
// Job block (int32 words from `job`): 0 claim word = generation << 16 | chunks << 8 | next chunk,
// 1 chunks completed, 2 task index, 3 total items, 5 failed flag; float64 arguments from byte 64;
// from word 64 one scratch address per thread (−1: the task takes none).
// The chunk count lives in the claim word so a claim checks it in the same atomic step. Everything
// a chunk needs — the scratch address included — is read from the job block after the claim: a
// worker woken for one job may be descheduled and claim a chunk of the next, which may be another
// task with another argument list (a scratch address read at wake-up then shifted every argument
// of the next task by one and sent kernels outside the memory).
// Control slot of a worker (int32 words from `slot`): 0 wake generation, 7 exit flag, 8 spin
// microseconds; at byte 192 the float64 milliseconds the worker has spent running chunks (its
// busy time, read by the profiler).

/** Int32 words of one control slot (256 bytes: never a shared cache line). */
export const SLOT_WORDS = 64;
export const GENERATION = 0;
export const EXIT = 7;
/** Word holding how long (µs) an idle worker polls for the next job before it sleeps. */
export const SPIN = 8;
/** Float64 index (within the slot) of the worker's accumulated busy milliseconds. */
export const BUSY_MS = 24;

export const CLAIM = 0;
export const COMPLETED = 1;
export const TASK = 2;
export const TOTAL = 3;
export const FAILED = 5;
/** Float64 index (within the job block) of the first task argument. */
export const ARGUMENTS = 8;
export const MAX_ARGUMENTS = 10;
/** Int32 word (within the job block) of thread 0's scratch address; thread t's is at + t. */
export const SCRATCH_TABLE = 64;
/** Int32 words of the job block: the descriptor, then a scratch address for up to 256 threads. */
export const JOB_WORDS = SCRATCH_TABLE + 256;
/** The claim word holds the chunk count and the next chunk in 8 bits each: at most 255 chunks. */
export const MAX_CHUNKS = 255;
/** The generation stands above the chunk fields of the claim word. */
export const GENERATION_SHIFT = 16;

/**
 * Claims and runs chunks of the job in `job` until none is left, as thread `thread` (0: the
 * calling thread). Shared by the calling thread (thread-pool.ts) and, stringified, by the
 * workers, so it uses only its arguments.
 */
export function runChunks(
  words: Int32Array,
  floats: Float64Array,
  job: number,
  functions: readonly ((...args: number[]) => void)[],
  thread: number,
): void {
  const base = job >> 2;
  const args = (job >> 3) + 8;
  for (;;) {
    const word = Atomics.load(words, base);
    const chunk = word & 255;
    const chunks = (word >> 8) & 255;
    if (chunk >= chunks) return;
    // Claim the chunk first, then read the job: a claimed chunk keeps its job from completing, so
    // the calling thread cannot rewrite the descriptor under us. The swap fails when another
    // thread took the chunk first (or a new job was published): then look again.
    if (Atomics.compareExchange(words, base, word, word + 1) !== word) continue;
    const fn = functions[words[base + 2]];
    const total = words[base + 3];
    const scratch = words[base + 64 + thread];
    const a0 = floats[args];
    const a1 = floats[args + 1];
    const a2 = floats[args + 2];
    const a3 = floats[args + 3];
    const a4 = floats[args + 4];
    const a5 = floats[args + 5];
    const a6 = floats[args + 6];
    const a7 = floats[args + 7];
    const a8 = floats[args + 8];
    const a9 = floats[args + 9];
    const begin = Math.floor((total * chunk) / chunks);
    const end = Math.floor((total * (chunk + 1)) / chunks);
    try {
      if (scratch >= 0) fn(begin, end, scratch, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
      else fn(begin, end, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
    } catch {
      words[base + 5] = 1;
    }
    if (Atomics.add(words, base + 1, 1) + 1 === chunks) Atomics.notify(words, base + 1);
  }
}

function workerMain(
  init: {
    module: WebAssembly.Module;
    memory: WebAssembly.Memory;
    slot: number;
    job: number;
    thread: number;
    tasks: string[];
  },
  ready: () => void,
  claimChunks: typeof runChunks,
): void {
  const instance = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  const exports = instance.exports as Record<string, (...args: number[]) => void>;
  const functions = init.tasks.map((name) => exports[name]);
  const words = new Int32Array(init.memory.buffer);
  const floats = new Float64Array(init.memory.buffer);
  const base = init.slot >> 2;
  const busy = (init.slot >> 3) + 24;
  let seen = Atomics.load(words, base);
  ready();
  for (;;) {
    let generation = Atomics.load(words, base);
    if (generation === seen) {
      // Poll before sleeping: in a training step split kernels come every few to a few hundred
      // µs, and a futex wake-up costs tens of µs at every one of them.
      const spinUntil = performance.now() + words[base + 8] / 1000;
      while (generation === seen) {
        for (let i = 0; i < 64 && generation === seen; i++) generation = Atomics.load(words, base);
        if (performance.now() > spinUntil) break;
      }
    }
    if (generation === seen) {
      Atomics.wait(words, base, seen);
      continue;
    }
    seen = generation;
    if (words[base + 7] !== 0) return;
    const started = performance.now();
    claimChunks(words, floats, init.job, functions, init.thread);
    floats[busy] += performance.now() - started;
  }
}

/**
 * The worker's source text. `workerMain` and `runChunks` are stringified, so they must only use
 * their arguments and globals (no imports, no module constants: the literals above are repeated
 * inside them); `runChunks` is passed in as an argument because a minifier may rename it.
 */
export function workerSource(): string {
  return `'use strict';
const runChunks = ${runChunks.toString()};
const workerMain = ${workerMain.toString()};
if (typeof require === 'function') {
  const { parentPort, workerData } = require('node:worker_threads');
  workerMain(workerData, () => parentPort.postMessage('ready'), runChunks);
} else {
  self.onmessage = (event) => workerMain(event.data, () => self.postMessage('ready'), runChunks);
}
`;
}
