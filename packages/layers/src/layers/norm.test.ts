import { ArgumentError, randn, ShapeError, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { BatchNorm1d, BatchNorm2d } from './batch-norm';
import { LayerNorm } from './layer-norm';

/** Per-channel mean and biased/unbiased variance of [N, C] data, by plain loops. */
function channelStats(rows: number[][]): { mean: number[]; biased: number[]; unbiased: number[] } {
  const n = rows.length;
  const channels = rows[0].length;
  const mean = Array.from({ length: channels }, (_, c) => rows.reduce((s, r) => s + r[c], 0) / n);
  const squares = Array.from({ length: channels }, (_, c) =>
    rows.reduce((s, r) => s + (r[c] - mean[c]) ** 2, 0),
  );
  return { mean, biased: squares.map((s) => s / n), unbiased: squares.map((s) => s / (n - 1)) };
}

describeBackends('BatchNorm', () => {
  const data = [
    [1, 10, -2],
    [2, 20, 0],
    [4, 0, 2],
    [5, 30, 4],
  ];

  test('training normalizes with batch statistics and updates the running ones', () => {
    const bn = new BatchNorm1d(3, { dtype: 'float64' });
    const y = bn.call(tensor(data, { dtype: 'float64' }));
    const { mean, biased, unbiased } = channelStats(data);
    const expected = data.map((row) => row.map((v, c) => (v - mean[c]) / Math.sqrt(biased[c] + 1e-5)));
    expectAllClose(y, expected, { rtol: 1e-12, atol: 1e-12 });
    expectAllClose(
      bn.runningMean!,
      mean.map((m) => 0.1 * m),
      { rtol: 1e-12 },
    );
    expectAllClose(
      bn.runningVar!,
      unbiased.map((v) => 0.9 + 0.1 * v),
      { rtol: 1e-12 },
    );
    expect(bn.numBatchesTracked!.item()).toBe(1);
    bn.call(tensor(data, { dtype: 'float64' }));
    expect(bn.numBatchesTracked!.item()).toBe(2);
    expectAllClose(
      bn.runningMean!,
      mean.map((m) => 0.9 * 0.1 * m + 0.1 * m),
      { rtol: 1e-12 },
    );
    bn.dispose();
  });

  test('evaluation uses the running statistics and the affine parameters', () => {
    const bn = new BatchNorm1d(2);
    bn.loadStateDict({
      weight: tensor([2, 1]),
      bias: tensor([0, 1]),
      running_mean: tensor([1, -1]),
      running_var: tensor([4, 1]),
      num_batches_tracked: tensor(5, { dtype: 'int32' }),
    });
    bn.eval();
    expectAllClose(bn.call(tensor([[3, 0]])), [[(2 * 2) / Math.sqrt(4 + 1e-5), 1 + 1 / Math.sqrt(1 + 1e-5)]]);
    expect(bn.numBatchesTracked!.item()).toBe(5);
    bn.dispose();
  });

  test('momentum null keeps the cumulative average of the batch statistics', () => {
    const bn = new BatchNorm1d(3, { momentum: null, dtype: 'float64' });
    const second = data.map((row) => row.map((v) => v * 2 + 1));
    bn.call(tensor(data, { dtype: 'float64' }));
    bn.call(tensor(second, { dtype: 'float64' }));
    const [a, b] = [channelStats(data), channelStats(second)];
    expectAllClose(
      bn.runningMean!,
      a.mean.map((m, c) => (m + b.mean[c]) / 2),
      { rtol: 1e-12 },
    );
    expectAllClose(
      bn.runningVar!,
      a.unbiased.map((v, c) => (v + b.unbiased[c]) / 2),
      { rtol: 1e-12 },
    );
    bn.dispose();
  });

  test('BatchNorm2d normalizes each channel over batch and space', () => {
    const bn = new BatchNorm2d(4, { dtype: 'float64' });
    const y = bn.call(randn([3, 4, 5, 6], { seed: 1, dtype: 'float64' }).mul(3).add(2));
    const channelMajor = y.transpose([1, 0, 2, 3]).reshape([4, -1]).toArray() as number[][];
    for (const channel of channelMajor) {
      const m = channel.reduce((s, v) => s + v, 0) / channel.length;
      const v = channel.reduce((s, x) => s + (x - m) ** 2, 0) / channel.length;
      expect(m).toBeCloseTo(0, 10);
      expect(v).toBeCloseTo(1, 4);
    }
    expect(Object.keys(bn.stateDict())).toEqual([
      'weight',
      'bias',
      'running_mean',
      'running_var',
      'num_batches_tracked',
    ]);
    bn.dispose();
  });

  test('without running statistics or affine parameters', () => {
    const bn = new BatchNorm1d(3, { trackRunningStats: false, affine: false });
    expect(bn.numParameters()).toBe(0);
    expect(Object.keys(bn.stateDict())).toEqual([]);
    bn.eval();
    const { mean, biased } = channelStats(data);
    expectAllClose(
      bn.call(tensor(data)),
      data.map((row) => row.map((v, c) => (v - mean[c]) / Math.sqrt(biased[c] + 1e-5))),
      { rtol: 1e-5 },
    );
  });

  test('resetRunningStats restores mean 0, variance 1 and count 0', () => {
    const bn = new BatchNorm1d(3);
    bn.call(tensor(data));
    bn.resetRunningStats();
    expect(bn.runningMean!.toArray()).toEqual([0, 0, 0]);
    expect(bn.runningVar!.toArray()).toEqual([1, 1, 1]);
    expect(bn.numBatchesTracked!.item()).toBe(0);
    bn.dispose();
  });

  test('rejects wrong shapes, one value per channel in training and bad options', () => {
    const bn = new BatchNorm1d(3);
    expect(() => bn.call(randn([4, 2]))).toThrow(ShapeError);
    expect(() => bn.call(randn([1, 3]))).toThrow(ShapeError);
    expect(() => new BatchNorm2d(3).call(randn([4, 3]))).toThrow(ShapeError);
    expect(() => new BatchNorm1d(0)).toThrow(ArgumentError);
    expect(() => new BatchNorm1d(3, { momentum: 2 })).toThrow(ArgumentError);
    expect(bn.call(randn([4, 3, 7])).shape).toEqual([4, 3, 7]);
    bn.dispose();
  });
});

describeBackends('LayerNorm', () => {
  test('normalizes each sample over the last axes', () => {
    const norm = new LayerNorm(3, { dtype: 'float64' });
    const rows = [
      [1, 2, 6],
      [-1, 0, 1],
    ];
    const expected = rows.map((row) => {
      const m = row.reduce((s, v) => s + v, 0) / 3;
      const v = row.reduce((s, x) => s + (x - m) ** 2, 0) / 3;
      return row.map((x) => (x - m) / Math.sqrt(v + 1e-5));
    });
    expectAllClose(norm.call(tensor(rows, { dtype: 'float64' })), expected, { rtol: 1e-12 });
    norm.eval();
    expectAllClose(norm.call(tensor(rows, { dtype: 'float64' })), expected, { rtol: 1e-12 });
    norm.dispose();
  });

  test('affine parameters of the normalized shape; multi-axis shapes', () => {
    const norm = new LayerNorm([2, 2]);
    expect(norm.namedParameters().map(([name, p]) => [name, p.shape])).toEqual([
      ['weight', [2, 2]],
      ['bias', [2, 2]],
    ]);
    norm.loadStateDict({
      weight: tensor([
        [2, 2],
        [2, 2],
      ]),
      bias: tensor([
        [1, 1],
        [1, 1],
      ]),
    });
    const y = norm.call(
      tensor([
        [
          [0, 0],
          [2, 2],
        ],
      ]),
    );
    expectAllClose(y, [
      [
        [1 - 2 / Math.sqrt(1 + 1e-5), 1 - 2 / Math.sqrt(1 + 1e-5)],
        [1 + 2 / Math.sqrt(1 + 1e-5), 1 + 2 / Math.sqrt(1 + 1e-5)],
      ],
    ]);
    expect(new LayerNorm(4, { elementwiseAffine: false }).numParameters()).toBe(0);
    expect(new LayerNorm(4, { bias: false }).numParameters()).toBe(4);
    expect(() => norm.call(randn([2, 3]))).toThrow(ShapeError);
    expect(() => new LayerNorm([])).toThrow(ArgumentError);
    norm.dispose();
  });
});
