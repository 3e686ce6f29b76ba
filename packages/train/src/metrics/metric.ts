import { type Tensor, type TypedArray, tidy } from '@nagare/tensor';

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
  /**
   * Optional device half of `update`: computes, without reading anything back, the tensors the
   * host half needs (for accuracy: predicted and true classes). It must return tensors it created;
   * the caller reads and frees them. Give `measure` and `accumulate` together: `fit` and
   * `evaluate` then read every metric of a batch in one transfer, and the metric works on
   * backends that read only asynchronously (WebGPU), where `update`'s synchronous read throws.
   */
  measure?(output: Tensor, target: Tensor): Tensor[];
  /** Optional host half of `update`: folds the values `measure`'s tensors held into the state. */
  accumulate?(state: S, values: readonly TypedArray[], output: Tensor, target: Tensor): S;
}

/** A metric that splits its update into a device half and a host half. */
export type MeasuredMetric<S, R extends MetricValue> = Metric<S, R> &
  Required<Pick<Metric<S, R>, 'measure' | 'accumulate'>>;

/**
 * Completes a metric given as `measure` + `accumulate` with an `update` that reads synchronously,
 * so one definition serves direct `update` calls, `fit` and `evaluate` on every backend.
 *
 * @example
 * const meanOutput = measuredMetric({
 *   name: 'mean_output', init: () => ({ sum: 0, count: 0 }), result: (s) => s.sum / s.count,
 *   measure: (output) => [sum(output)],
 *   accumulate: (state, [total], output) => ({ sum: state.sum + total[0], count: state.count + output.size }),
 * });
 */
export function measuredMetric<S, R extends MetricValue>(
  definition: Omit<MeasuredMetric<S, R>, 'update'>,
): MeasuredMetric<S, R> {
  return {
    ...definition,
    update(state, output, target) {
      const tensors = tidy(() => definition.measure(output, target));
      try {
        const values = tensors.map((tensor) => tensor.dataSync());
        return definition.accumulate(state, values, output, target);
      } finally {
        for (const tensor of tensors) tensor.dispose();
      }
    },
  };
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
