import { BackendError } from '@nagare/tensor';
import type { WasmHeap } from './heap';
import { type KernelExports, SCRATCH_TASKS, TASKS, type TaskName } from './kernel-exports';
import { type ScratchArenas, SerialRunner, type TaskRunner, type ThreadActivity } from './task-runner';
import * as SLOT from './worker-source';
import { runChunks } from './worker-source';

/** Work (≈ flops) a task must have per extra thread before it is split: ~25–100 µs of work, well above
 * the 10–50 µs a sleeping worker takes to wake. */
const MIN_WORK_PER_THREAD = 1 << 20;

/**
 * How long an idle worker polls for its next task before it sleeps (µs). A training step hands
 * out a split kernel every few hundred µs at most, so a worker that keeps polling for 2 ms is
 * awake for the whole step and each hand-off costs well under a µs instead of a futex wake-up
 * (tens of µs); between steps and after the step it sleeps and costs nothing.
 */
export const DEFAULT_SPIN_MICROSECONDS = 2000;

/** Polls of the job's completed-chunks word before the calling thread blocks (≈ a few ms). */
const POLLS_BEFORE_BLOCKING = 1 << 20;

interface WorkerHandle {
  terminate(): unknown;
}

/** Starts one worker on `source` with `init`; resolves when it has instantiated the module. */
type SpawnWorker = (source: string, init: object) => Promise<WorkerHandle>;

async function nodeSpawner(): Promise<SpawnWorker> {
  // A variable specifier keeps browser bundlers from trying to resolve the Node builtin.
  const specifier = 'node:worker_threads';
  const { Worker } = (await import(/* @vite-ignore */ specifier)) as typeof import('node:worker_threads');
  return (source, init) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(source, { eval: true, workerData: init });
      worker.once('message', () => {
        worker.unref(); // an idle pool must not keep the process alive
        resolve(worker);
      });
      worker.once('error', reject);
    });
}

function browserSpawner(): SpawnWorker {
  return (source, init) =>
    new Promise((resolve, reject) => {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.onmessage = () => {
        URL.revokeObjectURL(url);
        resolve(worker);
      };
      worker.onerror = (event) =>
        reject(new BackendError('createWasmBackend', `a kernel worker failed to start: ${event.message}`));
      worker.postMessage(init);
    });
}

/** Whether this environment can run kernel workers on a shared memory, and how to start them. */
export async function workerSupport(): Promise<{ spawn: SpawnWorker } | { reason: string }> {
  const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
  if (isNode) return { spawn: await nodeSpawner() };
  if (typeof Worker !== 'function') return { reason: 'this environment has no Worker' };
  if (!(globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated) {
    return { reason: 'the page is not cross-origin isolated (serve it with COOP/COEP headers)' };
  }
  return { spawn: browserSpawner() };
}

/**
 * A pool of workers running the kernel module on the same shared memory. A split kernel is cut
 * into one chunk per thread; the calling thread and the workers claim chunks until none is left
 * (worker-source.ts), so `threads` counts the calling thread, and a worker that is late (asleep,
 * or descheduled on a busy machine) costs at most a chunk's time, never a wait for it.
 */
export class ThreadPool implements TaskRunner {
  parallelRuns = 0;
  private waitMs = 0;
  private generation = 0;
  private readonly functions: ((...args: number[]) => void)[];
  private readonly serial: SerialRunner;
  private readonly canBlock: boolean;

  private constructor(
    readonly threads: number,
    private readonly heap: WasmHeap,
    exports: KernelExports,
    private readonly scratch: ScratchArenas,
    private readonly job: number,
    private readonly slots: number[],
    private readonly workers: WorkerHandle[],
  ) {
    const table = exports as unknown as Record<string, (...args: number[]) => void>;
    this.functions = TASKS.map((name) => table[name]);
    this.serial = new SerialRunner(exports, scratch);
    // Browsers forbid Atomics.wait on the main thread; there we spin.
    this.canBlock = typeof process !== 'undefined' || typeof window === 'undefined';
  }

  /** Starts `threads − 1` workers sharing `heap`'s memory. */
  static async create(
    threads: number,
    module: WebAssembly.Module,
    heap: WasmHeap,
    exports: KernelExports,
    scratch: ScratchArenas,
    spawn: SpawnWorker,
    spinMicroseconds = DEFAULT_SPIN_MICROSECONDS,
  ): Promise<ThreadPool> {
    const block = (words: number) => {
      const pointer = heap.allocate(words * 4);
      heap.zero(pointer, words * 4);
      return pointer;
    };
    const job = block(SLOT.JOB_WORDS);
    const slots: number[] = [];
    for (let i = 1; i < threads; i++) {
      const slot = block(SLOT.SLOT_WORDS);
      heap.i32[(slot >>> 2) + SLOT.SPIN] = spinMicroseconds;
      slots.push(slot);
    }
    const source = SLOT.workerSource();
    const workers = await Promise.all(
      slots.map((slot, index) =>
        spawn(source, { module, memory: heap.memory, slot, job, thread: index + 1, tasks: [...TASKS] }),
      ),
    );
    return new ThreadPool(threads, heap, exports, scratch, job, slots, workers);
  }

  run(
    task: TaskName,
    total: number,
    cost: number,
    scratchBytes: number,
    a0: number,
    a1?: number,
    a2?: number,
    a3?: number,
    a4?: number,
    a5?: number,
    a6?: number,
    a7?: number,
    a8?: number,
    a9?: number,
  ): void {
    const pieces = Math.min(
      this.threads,
      total,
      Math.floor((total * cost) / MIN_WORK_PER_THREAD),
      SLOT.MAX_CHUNKS,
    );
    if (pieces <= 1) {
      this.serial.run(task, total, cost, scratchBytes, a0, a1, a2, a3, a4, a5, a6, a7, a8, a9);
      return;
    }
    this.parallelRuns++;
    const hasScratch = SCRATCH_TASKS.has(task);
    // Every thread gets a block, not only the first `pieces`: a worker still awake from an earlier,
    // wider job may claim a chunk of this one. The blocks are taken before the views: allocating
    // may grow the memory.
    const scratch: number[] = [];
    for (let thread = 0; thread < this.threads; thread++)
      scratch.push(hasScratch ? this.scratch.get(thread, scratchBytes) : -1);
    const words = this.heap.i32;
    const floats = this.heap.f64;
    const base = this.job >>> 2;
    words[base + SLOT.COMPLETED] = 0;
    words[base + SLOT.TASK] = TASKS.indexOf(task);
    words[base + SLOT.TOTAL] = total;
    words[base + SLOT.FAILED] = 0;
    const args = (this.job >>> 3) + SLOT.ARGUMENTS;
    floats[args] = a0;
    floats[args + 1] = a1 ?? 0;
    floats[args + 2] = a2 ?? 0;
    floats[args + 3] = a3 ?? 0;
    floats[args + 4] = a4 ?? 0;
    floats[args + 5] = a5 ?? 0;
    floats[args + 6] = a6 ?? 0;
    floats[args + 7] = a7 ?? 0;
    floats[args + 8] = a8 ?? 0;
    floats[args + 9] = a9 ?? 0;
    for (let thread = 0; thread < this.threads; thread++) words[base + SLOT.SCRATCH_TABLE + thread] = scratch[thread];
    // Publishing the claim word (a sequentially consistent store) makes the descriptor visible.
    this.generation = (this.generation + 1) & 0x7fff;
    Atomics.store(words, base + SLOT.CLAIM, (this.generation << SLOT.GENERATION_SHIFT) | (pieces << 8));
    for (let worker = 1; worker < pieces; worker++) {
      const slot = this.slots[worker - 1] >>> 2;
      Atomics.add(words, slot + SLOT.GENERATION, 1);
      Atomics.notify(words, slot + SLOT.GENERATION);
    }
    runChunks(words, floats, this.job, this.functions, 0);
    this.waitFor(pieces, task);
  }

  /**
   * Waits until every chunk of the job is done (a worker may still be finishing one it claimed):
   * polls first, then blocks (or keeps polling on a browser main thread, where blocking is
   * forbidden).
   */
  private waitFor(chunks: number, task: TaskName): void {
    const words = this.heap.i32;
    const completed = (this.job >>> 2) + SLOT.COMPLETED;
    const started = performance.now();
    for (let polls = 0; ; polls++) {
      const done = Atomics.load(words, completed);
      if (done === chunks) break;
      if (this.canBlock && polls > POLLS_BEFORE_BLOCKING) Atomics.wait(words, completed, done, 1000);
    }
    this.waitMs += performance.now() - started;
    if (words[(this.job >>> 2) + SLOT.FAILED] !== 0) {
      throw new BackendError(task, 'a kernel trapped on one of its chunks (out-of-bounds memory access)');
    }
  }

  /** What the threads did so far (see `ThreadActivity`). */
  activity(): ThreadActivity {
    const floats = this.heap.f64;
    return {
      parallelRuns: this.parallelRuns,
      workerBusyMs: this.slots.map((slot) => floats[(slot >>> 3) + SLOT.BUSY_MS]),
      waitMs: this.waitMs,
    };
  }

  destroy(): void {
    const control = this.heap.i32;
    for (const slot of this.slots) {
      const base = slot >>> 2;
      control[base + SLOT.EXIT] = 1;
      Atomics.add(control, base + SLOT.GENERATION, 1);
      Atomics.notify(control, base + SLOT.GENERATION);
    }
    for (const worker of this.workers) worker.terminate();
  }
}
