import { ArgumentError, memory, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { confusionMatrix, f1, perClassScores, precision, recall } from './confusion';
import type { AnyMetric } from './metric';

// Predictions (argmax) and targets for 6 samples over 3 classes:
//   predicted: 0 0 1 1 2 0     actual: 0 1 1 1 2 2
const OUTPUT = [
  [1, 0, 0],
  [1, 0, 0],
  [0, 1, 0],
  [0, 1, 0],
  [0, 0, 1],
  [1, 0, 0],
];
const ACTUAL = [0, 1, 1, 1, 2, 2];

function run(metric: AnyMetric) {
  // Two batches, to check that the accumulator adds up.
  let state = metric.init();
  for (const [start, stop] of [
    [0, 4],
    [4, 6],
  ]) {
    const output = tensor(OUTPUT.slice(start, stop));
    const target = tensor(ACTUAL.slice(start, stop), { dtype: 'int32' });
    state = metric.update(state, output, target);
    output.dispose();
    target.dispose();
  }
  return metric.result(state);
}

describe('confusion-matrix metrics', () => {
  test('the confusion matrix counts [actual][predicted]', () => {
    expect(run(confusionMatrix())).toEqual([
      [1, 0, 0],
      [1, 2, 0],
      [1, 0, 1],
    ]);
  });

  test('macro precision, recall and F1 match hand-computed values', () => {
    // class 0: TP 1, predicted 3, support 1 → P 1/3, R 1,   F1 0.5
    // class 1: TP 2, predicted 2, support 3 → P 1,   R 2/3, F1 0.8
    // class 2: TP 1, predicted 1, support 2 → P 1,   R 1/2, F1 2/3
    expect(run(precision())).toBeCloseTo((1 / 3 + 1 + 1) / 3, 12);
    expect(run(recall())).toBeCloseTo((1 + 2 / 3 + 1 / 2) / 3, 12);
    expect(run(f1())).toBeCloseTo((0.5 + 0.8 + 2 / 3) / 3, 12);
  });

  test('classes never seen are left out of the macro average; empty is NaN', () => {
    const scores = perClassScores([
      [2, 0, 0],
      [0, 0, 0],
      [1, 0, 1],
    ]);
    expect(scores).toHaveLength(2);
    expect(scores[0]).toEqual({ precision: 2 / 3, recall: 1, f1: 0.8 });
    expect(precision().result(precision().init())).toBeNaN();
  });

  test('numClasses fixes the size; out-of-range targets are rejected', () => {
    const metric = confusionMatrix({ numClasses: 4 });
    const output = tensor([[1, 0]]);
    const inRange = tensor([1], { dtype: 'int32' });
    expect(metric.result(metric.update(metric.init(), output, inRange))).toEqual([
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const outOfRange = tensor([7], { dtype: 'int32' });
    expect(() => metric.update(metric.init(), output, outOfRange)).toThrow(ArgumentError);
    for (const t of [output, inRange, outOfRange]) t.dispose();
  });

  test('leaks no tensor', () => {
    const before = memory().tensors;
    run(f1());
    expect(memory().tensors).toBe(before);
  });
});
