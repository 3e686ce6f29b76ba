import { DataLoader } from '@nagare/data';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import type { BatchLoader, DataSource } from './types';

/** True for a loader (it can list and load batches), false for a plain dataset. */
function isLoader(source: DataSource): source is BatchLoader {
  return (
    typeof (source as Partial<BatchLoader>).batches === 'function' &&
    typeof (source as Partial<BatchLoader>).load === 'function'
  );
}

/**
 * The loader of a data source: a loader as is, a dataset batched by a new `DataLoader` (shuffled
 * with `seed` when `shuffle` is set).
 */
export function toLoader(
  op: string,
  name: string,
  source: DataSource | undefined,
  options: { batchSize?: number; shuffle: boolean; seed?: number },
): BatchLoader {
  if (!source || typeof source !== 'object')
    throw new ArgumentError(op, `${name} must be a DataLoader or a Dataset of [input, target]`);
  if (isLoader(source)) return source;
  if (!Number.isInteger(source.length) || typeof source.get !== 'function')
    throw new ArgumentError(op, `${name} must be a DataLoader or a Dataset of [input, target]`);
  return new DataLoader<Tensor[], Tensor[]>(source, {
    batchSize: options.batchSize ?? 32,
    shuffle: options.shuffle,
    seed: options.seed ?? 0,
  });
}

let lastYield = 0;

/** True once the loop has held the thread for more than ~20 ms: time for `yieldToEventLoop`. */
export function isYieldDue(): boolean {
  return performance.now() - lastYield >= 20;
}

/**
 * Lets timers, I/O and signal handlers run (a Ctrl-C handler, a progress redraw) if the loop has
 * held the thread for more than ~20 ms. Not yielding every batch keeps tiny batches fast; loops
 * check `isYieldDue()` first, so a batch that does not yield costs no await either.
 */
export async function yieldToEventLoop(): Promise<void> {
  if (!isYieldDue()) return;
  await new Promise<void>((resolve) => {
    if (typeof setImmediate === 'function') setImmediate(resolve);
    else setTimeout(resolve, 0);
  });
  lastYield = performance.now();
}
