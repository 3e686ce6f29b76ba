import { mseLoss } from '@nagare/layers';
import { Adam, SGD } from '@nagare/optimizers';
import { ArgumentError, memory } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import type { Callback } from './callbacks/callback';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { blobData, crossEntropy, linearData, tinyMlp } from './test-support/toy';

describe('fit', () => {
  test('trains a tiny classifier on a synthetic set to high accuracy', async () => {
    const model = tinyMlp();
    const data = blobData();
    const optimizer = new Adam(model.parameters(), { lr: 0.05 });
    const history = await fit(model, {
      train: data,
      val: blobData(90, 7),
      optimizer,
      loss: crossEntropy,
      epochs: 8,
      batchSize: 32,
      seed: 1,
      metrics: ['accuracy'],
    });
    const first = history.epochs[0].metrics;
    const last = history.epochs.at(-1)!.metrics;
    expect(history.epochs).toHaveLength(8);
    expect(last.loss).toBeLessThan(first.loss / 3);
    expect(last.val_accuracy).toBeGreaterThan(0.95);
    expect(history.step).toBe(8 * Math.ceil(240 / 32));
    expect(history.stopReason).toBeNull();
    const epoch = history.epochs[0];
    expect(epoch).toMatchObject({ epoch: 1, lr: 0.05, samples: 240 });
    expect(epoch.samplesPerSecond).toBeGreaterThan(0);
    const results = await evaluate(model, blobData(90, 7), { metrics: ['accuracy'], loss: crossEntropy });
    expect(results.accuracy).toBeCloseTo(last.val_accuracy, 12);
    expect(results.loss).toBeCloseTo(last.val_loss, 6);
    // Disposed, not dropped: a finalizer freeing its buffers later would upset the next test's counts.
    optimizer.dispose();
    model.dispose();
  });

  test('keeps the number of live tensors flat from batch to batch and epoch to epoch', async () => {
    const model = tinyMlp();
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    const before = memory().tensors;
    const live: number[] = [];
    const counter: Callback = { onBatchEnd: () => void live.push(memory().tensors) };
    await fit(model, {
      train: blobData(96),
      val: blobData(40, 5),
      optimizer,
      loss: crossEntropy,
      epochs: 3,
      batchSize: 16,
      metrics: ['accuracy', 'f1', 'top2'],
      callbacks: [counter],
      clipGradNorm: 1,
    });
    expect(live).toHaveLength(18);
    // Adam's two buffers per parameter appear at the first step and stay; nothing else survives a step.
    const buffers = 2 * model.parameters().length;
    expect(new Set(live)).toEqual(new Set([before + buffers]));
    expect(memory().tensors).toBe(before + buffers);
    optimizer.dispose();
    model.dispose();
  });

  test('runs the hooks in order with the documented arguments', async () => {
    const model = tinyMlp();
    const events: string[] = [];
    const recorder: Callback = {
      onTrainBegin: (c) => void events.push(`trainBegin ${c.epochs} ${c.batchesPerEpoch}`),
      onEpochBegin: (_c, { epoch }) => void events.push(`epochBegin ${epoch}`),
      onBatchBegin: (_c, b) =>
        void events.push(`batchBegin ${b.epoch}.${b.batch} step ${b.step} size ${b.size}`),
      onAfterBackward: (_c, s) =>
        void events.push(`backward ${s.output.shape.join('x')} ${Number.isFinite(s.lossValue)}`),
      onBatchEnd: (_c, b) => void events.push(`batchEnd ${b.epoch}.${b.batch}/${b.batches}`),
      onEpochEnd: (c, logs) =>
        void events.push(`epochEnd ${logs.epoch} ${c.epoch} ${Object.keys(logs.metrics).join(',')}`),
      onTrainEnd: (_c, h) => void events.push(`trainEnd ${h.epochs.length}`),
    };
    await fit(model, {
      train: blobData(20),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: crossEntropy,
      epochs: 2,
      batchSize: 12,
      metrics: ['accuracy'],
      callbacks: [recorder],
    });
    expect(events.slice(0, 8)).toEqual([
      'trainBegin 2 2',
      'epochBegin 1',
      'batchBegin 1.0 step 0 size 12',
      'backward 12x3 true',
      'batchEnd 1.0/2',
      'batchBegin 1.1 step 1 size 8',
      'backward 8x3 true',
      'batchEnd 1.1/2',
    ]);
    expect(events[8]).toBe('epochEnd 1 1 loss,accuracy');
    expect(events.at(-1)).toBe('trainEnd 2');
    expect(events).toHaveLength(1 + 2 * (1 + 2 * 3 + 1) + 1);
    model.dispose();
  });

  test('an aborted signal stops after the current batch', async () => {
    const model = tinyMlp();
    const controller = new AbortController();
    const abortAtSecondBatch: Callback = {
      onBatchEnd: (_c, logs) => {
        if (logs.epoch === 2 && logs.batch === 1) controller.abort();
      },
    };
    const history = await fit(model, {
      train: blobData(64),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: crossEntropy,
      epochs: 5,
      batchSize: 16,
      callbacks: [abortAtSecondBatch],
      signal: controller.signal,
    });
    expect(history.stopReason?.by).toBe('signal');
    expect(history.epochs).toHaveLength(1);
    expect(history.step).toBe(4 + 2);
    model.dispose();
  });

  test('clips gradients, applies an epoch schedule and adds regularizer penalties', async () => {
    const model = tinyMlp();
    const norms: number[] = [];
    const history = await fit(model, {
      train: blobData(32),
      optimizer: new SGD(model.parameters(), { lr: 1 }),
      loss: crossEntropy,
      epochs: 3,
      batchSize: 32,
      clipGradNorm: 1e-3,
      scheduler: { schedule: (epoch) => 0.1 / 2 ** epoch, unit: 'epoch' },
      regularizers: [{ name: 'l2', penalty: () => model.parameters()[0].square().sum().mul(0.5) }],
      callbacks: [{ onBatchEnd: (_c, logs) => void norms.push(logs.gradNorm as number) }],
    });
    expect(history.epochs.map((e) => e.lr)).toEqual([0.1, 0.05, 0.025]);
    expect(norms.every((n) => n > 1e-3)).toBe(true);
    expect(history.epochs[0].metrics.l2).toBeGreaterThan(0);
    model.dispose();
  });

  test('fits a regression with MSE and MAE metrics', async () => {
    const { Linear } = await import('@nagare/layers');
    const model = new Linear(2, 1, { seed: 4 });
    const history = await fit(model, {
      train: linearData(64),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: mseLoss,
      epochs: 30,
      batchSize: 16,
      seed: 2,
      metrics: ['mse', 'mae'],
    });
    const last = history.epochs.at(-1)!.metrics;
    expect(last.mse).toBeLessThan(1e-4);
    expect(last.mae).toBeLessThan(1e-2);
    expect(last.loss).toBeCloseTo(last.mse, 6);
    expect(model.weight.toArray()).toEqual([[expect.closeTo(2, 2), expect.closeTo(-1, 2)]]);
    model.dispose();
  });

  test('rejects bad options with errors that name them', async () => {
    const model = tinyMlp();
    const optimizer = new SGD(model.parameters(), { lr: 0.1 });
    const base = { train: blobData(8), optimizer, loss: crossEntropy, epochs: 1 };
    await expect(fit(model, { ...base, epochs: -1 })).rejects.toThrow(/epochs must be an integer/);
    await expect(fit(model, { ...base, loss: undefined as never })).rejects.toThrow(ArgumentError);
    await expect(fit(model, { ...base, metrics: ['nope' as 'accuracy'] })).rejects.toThrow(
      /unknown metric "nope"/,
    );
    await expect(fit(model, { ...base, clipGradNorm: 0 })).rejects.toThrow(/clipGradNorm/);
    await expect(fit(model, { ...base, callbacks: [{ name: 'a' }, { name: 'a' }] })).rejects.toThrow(
      /two callbacks are named "a"/,
    );
    model.dispose();
  });
});

describe('evaluate', () => {
  test('accepts a metric list or options and returns tables as well as numbers', async () => {
    const model = tinyMlp();
    const data = blobData(30);
    const results = await evaluate(model, data, ['accuracy', 'confusionMatrix']);
    const matrix = results.confusion_matrix as number[][];
    expect(matrix).toHaveLength(3);
    expect(matrix.flat().reduce((a, b) => a + b, 0)).toBe(30);
    const hits = matrix.reduce((total, row, i) => total + row[i], 0);
    expect(results.accuracy).toBeCloseTo(hits / 30, 12);
    expect(model.training).toBe(true);
    await expect(evaluate(model, data, {})).rejects.toThrow(/at least one metric/);
    model.dispose();
  });
});
