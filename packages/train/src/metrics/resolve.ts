import { ArgumentError } from '@nagare/tensor';
import { accuracy, topKAccuracy } from './accuracy';
import { confusionMatrix, f1, precision, recall } from './confusion';
import type { AnyMetric } from './metric';
import { meanAbsoluteError, meanSquaredError } from './regression';

/** A built-in metric by name: `top5` is top-5 accuracy (any k). */
export type MetricName =
  | 'accuracy'
  | 'acc'
  | 'precision'
  | 'recall'
  | 'f1'
  | 'mse'
  | 'mae'
  | 'confusionMatrix'
  | 'confusion_matrix'
  | `top${number}`;

/** A metric as the options of `fit` and `evaluate` take it: a name or a `Metric`. */
export type MetricSpec = MetricName | AnyMetric;

const BY_NAME: Record<string, () => AnyMetric> = {
  accuracy,
  acc: accuracy,
  precision,
  recall,
  f1,
  mse: meanSquaredError,
  mae: meanAbsoluteError,
  confusionMatrix,
  confusion_matrix: confusionMatrix,
};

/**
 * Turns metric names into metrics (objects pass through) and checks the names are unique.
 *
 * @example
 * resolveMetrics(['accuracy', 'top5']).map((m) => m.name); // ['accuracy', 'top5_accuracy']
 */
export function resolveMetrics(specs: readonly MetricSpec[] = []): AnyMetric[] {
  const metrics = specs.map((spec): AnyMetric => {
    if (typeof spec !== 'string') return spec;
    const topK = /^top(\d+)$/.exec(spec);
    if (topK) return topKAccuracy(Number(topK[1]));
    const make = BY_NAME[spec];
    if (!make) {
      throw new ArgumentError(
        'metrics',
        `unknown metric "${spec}" (known: ${Object.keys(BY_NAME).join(', ')}, topK)`,
      );
    }
    return make();
  });
  const names = metrics.map((m) => m.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i || name === 'loss');
  if (duplicate)
    throw new ArgumentError('metrics', `metric name "${duplicate}" is used twice (loss is always measured)`);
  return metrics;
}
