import { ArgumentError, ShapeError, topk } from '@nagare/tensor';
import { predictedClasses, targetClasses } from './classes';
import { type MeanState, type MeasuredMetric, meanOf, measuredMetric } from './metric';

/** Options of the classification metrics. */
export interface ClassificationOptions {
  /** For a single binary score per sample: predict class 1 when it exceeds this. Default 0.5 (probabilities; use 0 for logits). */
  threshold?: number;
}

/**
 * The fraction of samples whose predicted class (argmax of `[N, C]` scores, or a thresholded binary
 * score) equals the target (class indices `[N]` or one-hot rows `[N, C]`).
 *
 * @example
 * const metric = accuracy();
 * metric.result(metric.update(metric.init(), tensor([[2, 1], [0, 3]]), tensor([0, 0], { dtype: 'int32' }))); // 0.5
 */
export function accuracy(options: ClassificationOptions = {}): MeasuredMetric<MeanState, number> {
  return measuredMetric({
    name: 'accuracy',
    init: () => ({ sum: 0, count: 0 }),
    measure(output, target) {
      const predicted = predictedClasses('accuracy', output, options.threshold);
      return [predicted, targetClasses('accuracy', target, predicted.size)];
    },
    accumulate(state, [predicted, actual]) {
      for (let i = 0; i < predicted.length; i++) if (predicted[i] === actual[i]) state.sum++;
      state.count += predicted.length;
      return state;
    },
    result: meanOf,
  });
}

/**
 * The fraction of samples whose target class is among the `k` highest scores of `[N, C]` outputs
 * (ties go to the lower class index). With `k ≥ C` every sample counts.
 *
 * @example
 * const top5 = topKAccuracy(5); // logged as top5_accuracy
 */
export function topKAccuracy(k: number): MeasuredMetric<MeanState, number> {
  if (!Number.isInteger(k) || k < 1)
    throw new ArgumentError('topKAccuracy', `k must be a positive integer, got ${k}`);
  const name = `top${k}_accuracy`;
  return measuredMetric({
    name,
    init: () => ({ sum: 0, count: 0 }),
    measure(output, target) {
      if (output.rank !== 2)
        throw new ShapeError(name, 'expected scores of shape [N, C]', { output: output.shape });
      const [samples, classes] = output.shape;
      const actual = targetClasses(name, target, samples);
      return [topk(output, Math.min(k, classes), { axis: -1 })[1], actual];
    },
    accumulate(state, [best, actual], output) {
      const [samples, classes] = output.shape;
      const width = Math.min(k, classes);
      for (let i = 0; i < samples; i++) {
        const row = best.subarray(i * width, (i + 1) * width);
        if (row.includes(actual[i])) state.sum++;
      }
      state.count += samples;
      return state;
    },
    result: meanOf,
  });
}
