import type { Tensor } from '@nagare/tensor';

/** What a metric reports: a number, or a table such as a confusion matrix. */
export type MetricValue = number | number[] | number[][];

/**
 * A streaming metric: a stateless definition whose accumulator is plain JSON, so a partial epoch
 * can be saved in a checkpoint and continued. `update` sees one batch (`output` as the model gives
 * it, `target` as the data gives it), reads back only what it needs and frees its temporaries.
 *
 * @example
 * const metric = accuracy();
 * let state = metric.init();
 * state = metric.update(state, logits, labels); // logits [N, C], labels int32 [N]
 * metric.result(state); // e.g. 0.75
 */
export interface Metric<S = unknown, R extends MetricValue = MetricValue> {
  /** Key in logs and results, e.g. `accuracy` (`val_accuracy` on validation data). */
  readonly name: string;
  /** A fresh accumulator. */
  init(): S;
  /** Adds one batch to the accumulator and returns it (it may be updated in place). */
  update(state: S, output: Tensor, target: Tensor): S;
  /** The metric over everything accumulated so far. */
  result(state: S): R;
}

/**
 * A metric of any accumulator type, as lists of metrics hold them (methods are bivariant in their
 * parameters, so every `Metric<S, R>` fits; each accumulator is only ever given back to its own metric).
 */
export type AnyMetric = Metric<unknown, MetricValue>;

/** A running sum and count: the accumulator of every mean-type metric. */
export interface MeanState {
  sum: number;
  count: number;
}

/** `sum / count`, or NaN before anything was counted. */
export function meanOf(state: MeanState): number {
  return state.count === 0 ? Number.NaN : state.sum / state.count;
}
