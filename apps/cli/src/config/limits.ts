import { availableParallelism } from 'node:os';

/** An inclusive integer range a flag or config value must fall in. */
export interface IntegerRange {
  min: number;
  max: number;
}

/**
 * The bounds of every integer setting the CLI takes from flags or config files. Values outside
 * them are refused with a one-line error before anything is allocated or started.
 *
 * - `threads`: at most 4 workers per core; more only adds memory (each worker is a full wasm instance).
 * - `epochs`: 10,000, far beyond any recipe's needs, still bounded so a typo cannot run for ever.
 * - `batchSize`: 65,536 samples; a larger batch is the whole data set of every recipe anyway.
 * - `seed`: 2³² − 1, so derived per-epoch seeds (seed × 65,537 + epoch) stay exact integers.
 * - `augment`: 16 pixels, more than half of a 28-pixel image.
 * - `hiddenSize`: 65,536 units per layer in `model.hidden`.
 */
export const LIMITS = {
  threads: { min: 1, max: availableParallelism() * 4 },
  epochs: { min: 1, max: 10_000 },
  batchSize: { min: 1, max: 65_536 },
  seed: { min: 0, max: 2 ** 32 - 1 },
  augment: { min: 0, max: 16 },
  limit: { min: 1, max: Number.MAX_SAFE_INTEGER },
  hiddenSize: { min: 1, max: 65_536 },
  trials: { min: 1, max: 10_000 },
  rounds: { min: 1, max: 100 },
  top: { min: 1, max: 1_000 },
  opset: { min: 17, max: 22 },
} as const satisfies Record<string, IntegerRange>;

/** "an integer from 1 to 10,000" (or "≥ 1" when the top is Number.MAX_SAFE_INTEGER). */
export function describeRange(range: IntegerRange): string {
  if (range.max === Number.MAX_SAFE_INTEGER) return `an integer ≥ ${range.min}`;
  return `an integer from ${range.min} to ${range.max.toLocaleString('en-US')}`;
}

/** True when `value` is an integer inside `range`. */
export function isInRange(value: unknown, range: IntegerRange): value is number {
  return Number.isInteger(value) && (value as number) >= range.min && (value as number) <= range.max;
}

/**
 * A finished run's config with its `threads` lowered to what this machine allows: a run trained on
 * a machine with more cores stays usable (eval, predict, export, --resume) on a smaller one. A value
 * that is not a positive integer is left for the config check to refuse.
 *
 * @example
 * fitThreadsToMachine({ threads: 64 }); // { threads: LIMITS.threads.max } on a 2-core machine
 */
export function fitThreadsToMachine(config: Record<string, unknown>): Record<string, unknown> {
  const { threads } = config;
  if (!Number.isInteger(threads) || (threads as number) <= LIMITS.threads.max) return config;
  return { ...config, threads: LIMITS.threads.max };
}
