import { noGrad } from '@nagare/autograd';
import { isInCurrentScope, type Tensor, type TypedArray, tidy } from '@nagare/tensor';
import type { AnyMetric } from './metrics/metric';

/** A forward pass and the metrics' tensors, kept alive until they are read and settled. */
export interface MeasuredBatch {
  input: Tensor;
  target: Tensor;
  output: Tensor;
  /** The tensors of every metric with `measure`, in metric order. */
  toRead: Tensor[];
  /** Per metric: how many of `toRead` are its tensors (-1: it has no `measure`). */
  counts: number[];
  /** The tensors made by this batch, which the caller frees once it is done. */
  owned: Tensor[];
}

type Extra = Record<string, Tensor | Tensor[] | null>;

function tensorsOf(extra: Extra): Tensor[] {
  return Object.values(extra).flatMap((value) =>
    value === null ? [] : Array.isArray(value) ? value : [value],
  );
}

/**
 * Runs `forward` (which loads a batch and calls the model) and each metric's `measure` in one
 * `tidy`, and keeps what must outlive it: the batch, the metric tensors and `extra` tensors. Only
 * tensors made here are `owned` (a loader or a loss may hand back tensors the caller does not own).
 */
export function measureBatch<E extends Extra>(
  metrics: readonly AnyMetric[],
  forward: () => { input: Tensor; target: Tensor; output: Tensor; extra: E },
): MeasuredBatch & E {
  return tidy(() => {
    const { input, target, output, extra } = forward();
    const toRead: Tensor[] = [];
    const counts = noGrad(() =>
      metrics.map((metric) => {
        if (!metric.measure) return -1;
        const tensors = metric.measure(output, target);
        toRead.push(...tensors);
        return tensors.length;
      }),
    );
    const all = [input, target, output, ...tensorsOf(extra), ...toRead];
    const owned = [...new Set(all.filter((tensor) => isInCurrentScope(tensor)))];
    return { ...extra, input, target, output, toRead, counts, owned };
  });
}

/**
 * Folds a measured batch into the metric states, given the values of its `toRead` tensors:
 * `accumulate` for metrics with `measure`, a plain `update` (a synchronous read) for the others.
 */
export function settleBatch(
  metrics: readonly AnyMetric[],
  states: unknown[],
  batch: MeasuredBatch,
  values: readonly TypedArray[],
): void {
  let offset = 0;
  metrics.forEach((metric, i) => {
    const count = batch.counts[i];
    if (count < 0) {
      states[i] = tidy(() => metric.update(states[i], batch.output, batch.target));
      return;
    }
    const mine = values.slice(offset, offset + count);
    offset += count;
    states[i] = (metric.accumulate as NonNullable<AnyMetric['accumulate']>)(
      states[i],
      mine,
      batch.output,
      batch.target,
    );
  });
}
