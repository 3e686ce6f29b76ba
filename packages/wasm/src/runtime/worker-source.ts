// The source of a kernel worker, run by Node's worker_threads (eval) or a browser Worker (blob
// URL). It instantiates the kernel module on the shared memory, then loops: sleep on its control
// slot's generation word, run the task written there, publish the generation as done.
//
// Control slot layout (int32 words from `slot`): 0 generation, 1 done generation, 2 task index,
// 3 begin, 4 end, 5 scratch address (−1: the task takes none), 6 failed flag, 7 exit flag,
// 8 spin microseconds; float64 arguments start at byte 64; at byte 192 the float64 milliseconds
// the worker has spent running tasks (its busy time, read by the profiler).

/** Int32 words of one control slot (256 bytes, so slots never share a cache line). */
export const SLOT_WORDS = 64;
export const GENERATION = 0;
export const DONE = 1;
export const TASK = 2;
export const BEGIN = 3;
export const END = 4;
export const SCRATCH = 5;
export const FAILED = 6;
export const EXIT = 7;
/** Word holding how long (µs) an idle worker polls for the next task before it sleeps. */
export const SPIN = 8;
/** Float64 index (within the slot) of the first task argument. */
export const ARGUMENTS = 8;
export const MAX_ARGUMENTS = 10;
/** Float64 index (within the slot) of the worker's accumulated busy milliseconds. */
export const BUSY_MS = 24;

function workerMain(
  init: { module: WebAssembly.Module; memory: WebAssembly.Memory; slot: number; tasks: string[] },
  ready: () => void,
): void {
  const instance = new WebAssembly.Instance(init.module, { env: { memory: init.memory } });
  const exports = instance.exports as Record<string, (...args: number[]) => void>;
  const functions = init.tasks.map((name) => exports[name]);
  const words = new Int32Array(init.memory.buffer);
  const floats = new Float64Array(init.memory.buffer);
  const base = init.slot >> 2;
  const args = (init.slot >> 3) + 8;
  const busy = (init.slot >> 3) + 24;
  let seen = Atomics.load(words, base);
  ready();
  for (;;) {
    let generation = Atomics.load(words, base);
    if (generation === seen) {
      // Poll before sleeping: in a training step kernels come every few to few hundred µs, and a
      // futex wake-up costs tens of µs that the calling thread would wait for at every split kernel.
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
    try {
      const fn = functions[words[base + 2]];
      const scratch = words[base + 5];
      const a = floats;
      if (scratch >= 0) {
        fn(
          words[base + 3],
          words[base + 4],
          scratch,
          a[args],
          a[args + 1],
          a[args + 2],
          a[args + 3],
          a[args + 4],
          a[args + 5],
          a[args + 6],
          a[args + 7],
          a[args + 8],
          a[args + 9],
        );
      } else {
        fn(
          words[base + 3],
          words[base + 4],
          a[args],
          a[args + 1],
          a[args + 2],
          a[args + 3],
          a[args + 4],
          a[args + 5],
          a[args + 6],
          a[args + 7],
          a[args + 8],
          a[args + 9],
        );
      }
    } catch {
      words[base + 6] = 1;
    }
    floats[busy] += performance.now() - started;
    Atomics.store(words, base + 1, generation);
    Atomics.notify(words, base + 1);
  }
}

/**
 * The worker's source text. `workerMain` is stringified, so it must only use its arguments and
 * globals (no imports, no module constants: the literals above are repeated inside it).
 */
export function workerSource(): string {
  return `'use strict';
const workerMain = ${workerMain.toString()};
if (typeof require === 'function') {
  const { parentPort, workerData } = require('node:worker_threads');
  workerMain(workerData, () => parentPort.postMessage('ready'));
} else {
  self.onmessage = (event) => workerMain(event.data, () => self.postMessage('ready'));
}
`;
}
