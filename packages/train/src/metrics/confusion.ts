import { ArgumentError, type Tensor, type TypedArray } from '@nagare/tensor';
import type { ClassificationOptions } from './accuracy';
import { classCount, predictedClasses, targetClasses } from './classes';
import { type MeasuredMetric, measuredMetric } from './metric';

/** Counts per (true class, predicted class): `matrix[actual][predicted]`. */
export interface ConfusionState {
  matrix: number[][];
}

/** Options of the confusion-matrix based metrics. */
export interface ConfusionOptions extends ClassificationOptions {
  /** The number of classes; by default the number of output columns (2 for a binary score). */
  numClasses?: number;
}

function growTo(matrix: number[][], size: number): void {
  for (const row of matrix) while (row.length < size) row.push(0);
  while (matrix.length < size) matrix.push(new Array(size).fill(0));
}

/** The device half and host half of every confusion-matrix metric. */
function confusionParts(op: string, options: ConfusionOptions) {
  return {
    init: (): ConfusionState => ({ matrix: [] }),
    measure(output: Tensor, target: Tensor): Tensor[] {
      const predicted = predictedClasses(op, output, options.threshold);
      return [predicted, targetClasses(op, target, predicted.size)];
    },
    accumulate(state: ConfusionState, [predicted, actual]: readonly TypedArray[], output: Tensor) {
      const size = options.numClasses ?? classCount(output);
      growTo(state.matrix, size);
      for (let i = 0; i < predicted.length; i++) {
        const a = actual[i];
        if (!Number.isInteger(a) || a < 0 || a >= size)
          throw new ArgumentError(op, `target class ${a} of sample ${i} is outside [0, ${size})`);
        state.matrix[a][predicted[i]]++;
      }
      return state;
    },
  };
}

/**
 * The confusion matrix `[actual][predicted]` of a classifier (counts).
 *
 * @example
 * const metric = confusionMatrix();
 * metric.result(metric.update(metric.init(), logits, labels)); // e.g. [[5, 1], [0, 4]]
 */
export function confusionMatrix(options: ConfusionOptions = {}): MeasuredMetric<ConfusionState, number[][]> {
  return measuredMetric({
    name: 'confusion_matrix',
    ...confusionParts('confusionMatrix', options),
    result: (state) => state.matrix.map((row) => [...row]),
  });
}

interface ClassScores {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Per-class precision, recall and F1 of the classes that occur as a target or a prediction, with
 * 0 for an undefined ratio (scikit-learn's `zero_division=0`).
 */
export function perClassScores(matrix: readonly (readonly number[])[]): ClassScores[] {
  const scores: ClassScores[] = [];
  for (let c = 0; c < matrix.length; c++) {
    const truePositives = matrix[c][c];
    const support = matrix[c].reduce((a, b) => a + b, 0);
    const predicted = matrix.reduce((total, row) => total + row[c], 0);
    if (support === 0 && predicted === 0) continue;
    const precision = predicted === 0 ? 0 : truePositives / predicted;
    const recall = support === 0 ? 0 : truePositives / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    scores.push({ precision, recall, f1 });
  }
  return scores;
}

function macro(
  name: 'precision' | 'recall' | 'f1',
  options: ConfusionOptions,
): MeasuredMetric<ConfusionState, number> {
  return measuredMetric({
    name,
    ...confusionParts(name, options),
    result(state) {
      const scores = perClassScores(state.matrix);
      if (scores.length === 0) return Number.NaN;
      return scores.reduce((total, s) => total + s[name], 0) / scores.length;
    },
  });
}

/**
 * Macro-averaged precision: the mean over classes of TP / (TP + FP).
 *
 * @example
 * fit(model, { ..., metrics: [precision()] }); // logged as precision / val_precision
 */
export function precision(options: ConfusionOptions = {}): MeasuredMetric<ConfusionState, number> {
  return macro('precision', options);
}

/**
 * Macro-averaged recall: the mean over classes of TP / (TP + FN).
 *
 * @example
 * fit(model, { ..., metrics: [recall()] });
 */
export function recall(options: ConfusionOptions = {}): MeasuredMetric<ConfusionState, number> {
  return macro('recall', options);
}

/**
 * Macro-averaged F1: the mean over classes of 2·P·R / (P + R).
 *
 * @example
 * fit(model, { ..., metrics: [f1()] });
 */
export function f1(options: ConfusionOptions = {}): MeasuredMetric<ConfusionState, number> {
  return macro('f1', options);
}
