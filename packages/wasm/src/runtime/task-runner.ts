import type { WasmHeap } from './heap';
import { type KernelExports, SCRATCH_TASKS, type TaskName } from './kernel-exports';

type TaskFunction = (...args: number[]) => void;

/** What the threads did since the backend started, for profiling (milliseconds). */
export interface ThreadActivity {
  /** Split kernels run so far. */
  parallelRuns: number;
  /** Per worker (threads 2, 3, …): milliseconds spent running kernel pieces. */
  workerBusyMs: number[];
  /** Milliseconds the calling thread spent waiting for workers to finish their pieces. */
  waitMs: number;
}

/**
 * Runs partitioned kernels: each task covers items [0, total) and is called as
 * `task(begin, end, [scratch,] a0, a1, …)`. The serial runner calls it once; the thread pool
 * (thread-pool.ts) splits the range across workers that share the memory.
 */
export interface TaskRunner {
  readonly threads: number;
  /** How many runs were split across more than one thread. */
  readonly parallelRuns: number;
  /**
   * Runs `task` over [0, total). `cost` estimates the work per item (≈ floating-point operations)
   * so tiny jobs stay on the calling thread. Tasks in SCRATCH_TASKS get `scratchBytes` of
   * private scratch memory per thread, passed as their third argument.
   */
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
  ): void;
  /** What the threads did so far. */
  activity(): ThreadActivity;
  destroy(): void;
}

/** Per-thread scratch blocks that grow on demand and are kept for the next kernel. */
export class ScratchArenas {
  private readonly pointers: number[] = [];
  private readonly sizes: number[] = [];

  constructor(private readonly heap: WasmHeap) {}

  /** A private block of at least `bytes` for `thread`. */
  get(thread: number, requested: number): number {
    const bytes = Math.max(requested, 64);
    if ((this.sizes[thread] ?? 0) < bytes) {
      if (this.sizes[thread]) this.heap.free(this.pointers[thread], this.sizes[thread]);
      // Round up to a power of two so a slowly growing request does not reallocate every time.
      const size = 2 ** Math.ceil(Math.log2(bytes));
      this.pointers[thread] = this.heap.allocate(size);
      this.sizes[thread] = size;
    }
    return this.pointers[thread];
  }
}

/** Runs every task on the calling thread. */
export class SerialRunner implements TaskRunner {
  readonly threads = 1;
  readonly parallelRuns = 0;
  private readonly functions: Record<TaskName, TaskFunction>;

  constructor(
    exports: KernelExports,
    private readonly scratch: ScratchArenas,
  ) {
    this.functions = exports as unknown as Record<TaskName, TaskFunction>;
  }

  run(
    task: TaskName,
    total: number,
    _cost: number,
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
    const fn = this.functions[task];
    if (SCRATCH_TASKS.has(task))
      fn(0, total, this.scratch.get(0, scratchBytes), a0, a1!, a2!, a3!, a4!, a5!, a6!, a7!, a8!, a9!);
    else fn(0, total, a0, a1!, a2!, a3!, a4!, a5!, a6!, a7!, a8!, a9!);
  }

  activity(): ThreadActivity {
    return { parallelRuns: 0, workerBusyMs: [], waitMs: 0 };
  }

  destroy(): void {}
}
