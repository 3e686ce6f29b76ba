import { performance } from 'node:perf_hooks';
import { median } from './median';

export { median } from './median';

/** How long to spend on one measurement; the defaults keep a full run within a few minutes. */
export interface TimingOptions {
  /** Time to spend on the timed samples of one case on one contender, in ms (default 400). */
  budgetMs?: number;
  /** Fewest timed samples (default 3), unless that many would exceed `slowLimitMs`. */
  minSamples?: number;
  /**
   * When one run is so slow that `minSamples` samples would take longer than this (ms, default
   * 10 000), take as many as fit, but at least one: a 10-second training step varies little.
   */
  slowLimitMs?: number;
  /** Most timed samples (default 15). */
  maxSamples?: number;
  /** Runs are batched so that one sample takes about this long, in ms (default 25). */
  sampleMs?: number;
  /** The clock, in ms (default `performance.now`); tests pass a fake one. */
  now?: () => number;
}

/** The outcome of `measure`: the median seconds per run and how it was obtained. */
export interface Measurement {
  seconds: number;
  samples: number;
  runsPerSample: number;
}

type Run = () => unknown;

/**
 * A case that times its own runs (`PreparedCase.runTimed`): `runTimed(count)` does `count` runs and
 * resolves to the ms they took by its own clock. A child process is measured this way, so the
 * round trip of asking it is not counted as work.
 */
export interface SelfTimed {
  runTimed(count: number): Promise<number>;
}

/** What the timing measures: a run it times with its own clock, or a case that times itself. */
export type Timed = Run | SelfTimed;

function isThenable(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

/**
 * Times `runs` consecutive runs in ms. A synchronous `run` is timed in a plain loop, so the
 * promise machinery is only paid by libraries whose API is asynchronous; a self-timed case
 * reports its own time.
 */
async function timeRuns(run: Timed, runs: number, isAsync: boolean, now: () => number): Promise<number> {
  if (typeof run !== 'function') return run.runTimed(runs);
  const start = now();
  if (isAsync) {
    for (let i = 0; i < runs; i++) await run();
  } else {
    for (let i = 0; i < runs; i++) run();
  }
  return now() - start;
}

/** How to sample one prepared case, decided by `calibrate` from its warm-up. */
export interface SamplingPlan {
  samples: number;
  runsPerSample: number;
  isAsync: boolean;
}

/** Times the very first run, and finds out whether `run` returns a promise to await. */
async function firstRun(run: Timed, now: () => number): Promise<{ perRunMs: number; isAsync: boolean }> {
  if (typeof run !== 'function') return { perRunMs: await run.runTimed(1), isAsync: true };
  const start = now();
  const first = run();
  const isAsync = isThenable(first);
  if (isAsync) await first;
  return { perRunMs: now() - start, isAsync };
}

/**
 * Warms a case up and plans its sampling: at least two runs and a quarter of the budget (one run
 * when a run is slower than the whole budget), so the JIT and the allocators settle; then
 * `runsPerSample` is chosen so a sample lasts about `sampleMs`, and `samples` so they fit the
 * budget (at least `minSamples`, unless those would exceed `slowLimitMs`).
 *
 * @example
 * const plan = await calibrate(() => matmul(a, b).dispose(), { budgetMs: 200 });
 */
export async function calibrate(run: Timed, options: TimingOptions = {}): Promise<SamplingPlan> {
  const { budgetMs = 400, minSamples = 3, maxSamples = 15, sampleMs = 25, slowLimitMs = 10_000 } = options;
  const now = options.now ?? (() => performance.now());
  const { perRunMs: firstMs, isAsync } = await firstRun(run, now);
  let perRunMs = firstMs;
  if (perRunMs < budgetMs) {
    // Keep warming up in growing batches; the last batch gives the per-run estimate.
    let warmed = 1;
    let batch = 1;
    // Long enough for V8 to optimise the JavaScript side of a dispatch before it is timed.
    const warmupMs = budgetMs / 4;
    let spentMs = perRunMs;
    while (warmed < 2 || spentMs < warmupMs) {
      const elapsed = await timeRuns(run, batch, isAsync, now);
      spentMs += elapsed;
      warmed += batch;
      perRunMs = elapsed / batch;
      batch = Math.min(batch * 2, Math.max(1, Math.ceil(warmupMs / Math.max(perRunMs, 1e-6))));
    }
  }
  const runsPerSample = Math.max(1, Math.round(sampleMs / Math.max(perRunMs, 1e-6)));
  const sampleCostMs = Math.max(perRunMs * runsPerSample, 1e-6);
  const fewest = Math.max(1, Math.min(minSamples, Math.floor(slowLimitMs / sampleCostMs)));
  const samples = Math.min(maxSamples, Math.max(fewest, Math.floor(budgetMs / sampleCostMs)));
  return { samples, runsPerSample, isAsync };
}

/**
 * Times one sample of a calibrated case: the ms of one run, averaged over `plan.runsPerSample` runs.
 *
 * @example
 * const ms = await timeSample(run, await calibrate(run));
 */
export async function timeSample(
  run: Timed,
  plan: SamplingPlan,
  now = () => performance.now(),
): Promise<number> {
  return (await timeRuns(run, plan.runsPerSample, plan.isAsync, now)) / plan.runsPerSample;
}

/**
 * Measures one case on its own: `calibrate`, then the planned samples back to back. Returns the
 * median time of one run, in seconds. (`runBench` interleaves the samples of all libraries
 * instead, so a burst of load elsewhere on the machine hits them alike.)
 *
 * @example
 * const { seconds } = await measure(() => matmul(a, b).dispose(), { budgetMs: 200 });
 */
export async function measure(run: Timed, options: TimingOptions = {}): Promise<Measurement> {
  const plan = await calibrate(run, options);
  const perRunTimes: number[] = [];
  for (let s = 0; s < plan.samples; s++) perRunTimes.push(await timeSample(run, plan, options.now));
  return { seconds: median(perRunTimes) / 1000, samples: plan.samples, runsPerSample: plan.runsPerSample };
}
