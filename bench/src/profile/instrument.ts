import type { Backend } from '@nagare/tensor';

/** The parts of a training step the profile separates. */
export const PHASES = ['forward', 'backward', 'optimizer'] as const;

/** A part of a training step: the forward pass with the loss, `backward()`, or `step()` + `zeroGrad()`. */
export type Phase = (typeof PHASES)[number];

/** Time spent in one kind of kernel. */
export interface KernelTotals {
  calls: number;
  ms: number;
  /** Of `ms`, the time the calling thread waited for workers to finish their chunks. */
  waitMs: number;
  /** Time workers spent on chunks of these kernels. */
  workerMs: number;
}

/** Cumulative thread counters of a backend (wasm's `threadActivity()`), when it has them. */
export type ActivityReader = () => { waitMs: number; workerBusyMs: readonly number[] };

/** Totals of one phase: wall time, and the part of it inside kernels and inside the allocator. */
export interface PhaseTotals {
  wallMs: number;
  kernelMs: number;
  allocationMs: number;
}

/**
 * Wraps a backend's `runKernel`, `allocate` and `release` with timers, so a step's wall time can be
 * split into kernels (per op name), allocation, and everything else (dispatch, shape inference,
 * autograd bookkeeping, JavaScript glue). The wrappers replace the methods on the backend object
 * itself, because the engine calls them there; `restore()` puts the originals back.
 */
export class BackendInstrument {
  readonly kernels = new Map<string, KernelTotals>();
  readonly phases = new Map<Phase, PhaseTotals>(
    PHASES.map((p) => [p, { wallMs: 0, kernelMs: 0, allocationMs: 0 }]),
  );
  private phase: PhaseTotals | undefined;
  private readonly restoreMethods: () => void;

  constructor(backend: Backend, activity?: ActivityReader) {
    const { runKernel, allocate, release } = backend;
    const target = backend as { -readonly [K in keyof Backend]: Backend[K] };
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
    target.runKernel = (op, inputs, attrs, outputs) => {
      const before = activity?.();
      const start = performance.now();
      runKernel.call(backend, op, inputs, attrs, outputs);
      const ms = performance.now() - start;
      const after = activity?.();
      let totals = this.kernels.get(op);
      if (!totals) {
        totals = { calls: 0, ms: 0, waitMs: 0, workerMs: 0 };
        this.kernels.set(op, totals);
      }
      totals.calls++;
      totals.ms += ms;
      if (before && after) {
        totals.waitMs += after.waitMs - before.waitMs;
        totals.workerMs += sum(after.workerBusyMs) - sum(before.workerBusyMs);
      }
      if (this.phase) this.phase.kernelMs += ms;
    };
    target.allocate = (dtype, size) => {
      const start = performance.now();
      const dataId = allocate.call(backend, dtype, size);
      if (this.phase) this.phase.allocationMs += performance.now() - start;
      return dataId;
    };
    target.release = (dataId, dtype, size) => {
      const start = performance.now();
      release.call(backend, dataId, dtype, size);
      if (this.phase) this.phase.allocationMs += performance.now() - start;
    };
    this.restoreMethods = () => {
      target.runKernel = runKernel;
      target.allocate = allocate;
      target.release = release;
    };
  }

  /** Runs `body` and books its wall time, kernel time and allocation time under `phase`. */
  time<T>(phase: Phase, body: () => T): T {
    const totals = this.phases.get(phase)!;
    this.phase = totals;
    const start = performance.now();
    try {
      return body();
    } finally {
      totals.wallMs += performance.now() - start;
      this.phase = undefined;
    }
  }

  /** Forgets everything measured so far (after the warm-up steps). */
  reset(): void {
    this.kernels.clear();
    for (const totals of this.phases.values()) {
      totals.wallMs = 0;
      totals.kernelMs = 0;
      totals.allocationMs = 0;
    }
  }

  restore(): void {
    this.restoreMethods();
  }
}
