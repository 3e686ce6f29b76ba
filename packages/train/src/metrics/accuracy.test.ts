import { ArgumentError, memory, ShapeError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { accuracy, topKAccuracy } from './accuracy';
import type { AnyMetric } from './metric';
import { resolveMetrics } from './resolve';

const labels = (values: number[]) => tensor(values, { dtype: 'int32' });

function run(metric: AnyMetric, batches: [number[][] | number[], number[] | number[][]][]) {
  let state = metric.init();
  for (const [output, target] of batches) {
    const o = tensor(output);
    const t = Array.isArray(target[0]) ? tensor(target) : labels(target as number[]);
    state = metric.update(state, o, t);
    o.dispose();
    t.dispose();
  }
  return metric.result(state);
}

describe('accuracy', () => {
  test('counts argmax hits across batches, weighted by samples', () => {
    // batch 1: predictions 0, 1, 1 vs 0, 1, 0 → 2 hits; batch 2: prediction 2 vs 2 → 1 hit; 3 / 4.
    const value = run(accuracy(), [
      [
        [
          [0.9, 0.1, 0],
          [0.2, 0.7, 0.1],
          [0.1, 0.5, 0.4],
        ],
        [0, 1, 0],
      ],
      [[[0, 0, 1]], [2]],
    ]);
    expect(value).toBe(0.75);
  });

  test('accepts one-hot targets and binary scores with a threshold', () => {
    expect(
      run(accuracy(), [
        [
          [
            [1, 0],
            [0, 1],
          ],
          [
            [0, 1],
            [0, 1],
          ],
        ],
      ]),
    ).toBe(0.5);
    // probabilities [0.2, 0.8, 0.6] → classes 0, 1, 1 vs 0, 1, 0.
    expect(
      run(accuracy(), [
        [
          [0.2, 0.8, 0.6],
          [0, 1, 0],
        ],
      ]),
    ).toBeCloseTo(2 / 3, 12);
    // logits with threshold 0: [-1, 2, -3] → 0, 1, 0.
    expect(
      run(accuracy({ threshold: 0 }), [
        [
          [-1, 2, -3],
          [0, 1, 0],
        ],
      ]),
    ).toBe(1);
  });

  test('is NaN before any sample and rejects mismatched targets', () => {
    const metric = accuracy();
    expect(metric.result(metric.init())).toBeNaN();
    expect(() =>
      run(metric, [
        [
          [
            [1, 0],
            [0, 1],
          ],
          [0, 1, 1],
        ],
      ]),
    ).toThrow(ShapeError);
  });

  test('leaks no tensor', () => {
    const before = memory().tensors;
    run(accuracy(), [
      [
        [
          [1, 0],
          [0, 1],
        ],
        [0, 1],
      ],
    ]);
    run(topKAccuracy(2), [
      [
        [
          [1, 0, 2],
          [0, 1, 3],
        ],
        [0, 1],
      ],
    ]);
    expect(memory().tensors).toBe(before);
  });
});

describe('topKAccuracy', () => {
  test('counts targets among the k best scores', () => {
    const output = [
      [0.1, 0.5, 0.3, 0.1], // top-2: 1, 2
      [0.7, 0.1, 0.1, 0.1], // top-2: 0, then the lower index 1 among the ties
      [0.1, 0.2, 0.3, 0.4], // top-2: 3, 2
    ];
    expect(run(topKAccuracy(2), [[output, [2, 3, 2]]])).toBeCloseTo(2 / 3, 12);
    expect(run(topKAccuracy(1), [[output, [1, 0, 2]]])).toBeCloseTo(2 / 3, 12);
    expect(run(topKAccuracy(9), [[output, [3, 3, 0]]])).toBe(1);
    expect(topKAccuracy(5).name).toBe('top5_accuracy');
  });

  test('rejects a bad k', () => {
    expect(() => topKAccuracy(0)).toThrow(ArgumentError);
  });
});

describe('resolveMetrics', () => {
  test('maps names to metrics and rejects unknown or repeated names', () => {
    expect(resolveMetrics(['accuracy', 'top3', 'f1', 'mse', 'confusionMatrix']).map((m) => m.name)).toEqual([
      'accuracy',
      'top3_accuracy',
      'f1',
      'mse',
      'confusion_matrix',
    ]);
    expect(() => resolveMetrics(['accuracy', 'acc'])).toThrow(/used twice/);
    expect(() => resolveMetrics(['acuracy' as 'accuracy'])).toThrow(/unknown metric "acuracy"/);
  });
});
