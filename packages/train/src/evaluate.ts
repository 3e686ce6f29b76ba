import { noGrad } from '@nagare/autograd';
import { ArgumentError, Generator } from '@nagare/tensor';
import { isYieldDue, toLoader, yieldToEventLoop } from './data-source';
import { measureBatch, settleBatch } from './measure-batch';
import { lossMetric } from './metrics/loss-metric';
import type { AnyMetric, MetricValue } from './metrics/metric';
import { type MetricSpec, resolveMetrics } from './metrics/resolve';
import { readValuesOf } from './read-batch';
import { unpackBatch } from './train-step';
import type { BatchLoader, DataSource, LossFunction, Model } from './types';

/** Options of `evaluate`. */
export interface EvaluateOptions {
  metrics?: readonly MetricSpec[];
  /** Also report the mean `loss` of this function. */
  loss?: LossFunction;
  /** Batch size when `data` is a dataset (default 32). */
  batchSize?: number;
}

/** Remembers each module's training flag; the returned function puts them all back. */
export function saveModes(model: Model): () => void {
  const modes = model.modules().map((module) => [module, module.training] as const);
  return () => {
    for (const [module, training] of modes) module.training = training;
  };
}

/**
 * Runs `metrics` over every batch of `loader` in evaluation mode without recording gradients; each
 * batch's metric values are read in one go (synchronously where the backend allows it, else with
 * one `data()` per dtype) and its tensors freed. The model's mode is restored afterwards.
 */
export async function evaluateLoader(
  model: Model,
  loader: BatchLoader,
  metrics: readonly AnyMetric[],
): Promise<Record<string, MetricValue>> {
  const restoreModes = saveModes(model);
  model.eval();
  const states = metrics.map((metric) => metric.init());
  // Transforms are for training data; evaluation loads batches with a fixed stream so it is repeatable.
  const generator = new Generator(0);
  try {
    for (const indices of loader.batches(0)) {
      const batch = noGrad(() =>
        measureBatch(metrics, () => {
          const [input, target] = unpackBatch('evaluate', loader.load(indices, generator));
          return { input, target, output: model.call(input), extra: {} };
        }),
      );
      try {
        const pending = readValuesOf(batch.toRead);
        settleBatch(metrics, states, batch, Array.isArray(pending) ? pending : await pending);
      } finally {
        for (const tensor of batch.owned) tensor.dispose();
      }
      if (isYieldDue()) await yieldToEventLoop();
    }
  } finally {
    restoreModes();
  }
  return Object.fromEntries(metrics.map((metric, i) => [metric.name, metric.result(states[i])]));
}

/**
 * Measures a model on a data set: each metric (and the loss, given a loss function) over every
 * sample, in evaluation mode and without gradients. Returns values by metric name (`loss`,
 * `accuracy`, `confusion_matrix`, …). Batches are `[input, target]`.
 *
 * @example
 * const results = await evaluate(model, testSet, { metrics: ['accuracy'], loss: crossEntropy });
 * results.accuracy; // e.g. 0.98
 */
export async function evaluate(
  model: Model,
  data: DataSource,
  metricsOrOptions: readonly MetricSpec[] | EvaluateOptions = {},
): Promise<Record<string, MetricValue>> {
  const options: EvaluateOptions = Array.isArray(metricsOrOptions)
    ? { metrics: metricsOrOptions as readonly MetricSpec[] }
    : (metricsOrOptions as EvaluateOptions);
  const metrics = resolveMetrics(options.metrics);
  if (options.loss) metrics.unshift(lossMetric(options.loss));
  if (metrics.length === 0)
    throw new ArgumentError('evaluate', 'give at least one metric or a loss function');
  const loader = toLoader('evaluate', 'data', data, { batchSize: options.batchSize, shuffle: false });
  return evaluateLoader(model, loader, metrics);
}
