import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TensorDataset } from '@nagare/data';
import { Linear, Module, mseLoss, Sequential } from '@nagare/layers';
import { Adam, SGD } from '@nagare/optimizers';
import {
  type Backend,
  createJsBackend,
  Generator,
  getBackend,
  memory,
  mul,
  SyncReadError,
  square,
  sum,
  type Tensor,
  tensor,
  useBackend,
} from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { afterEach, describe, expect, test } from 'vitest';
import type { Callback, History } from './callbacks/callback';
import { modelCheckpoint } from './callbacks/model-checkpoint';
import { nanGuard } from './callbacks/nan-guard';
import { loadCheckpoint } from './checkpoint/load-checkpoint';
import { evaluate } from './evaluate';
import { fit } from './fit';
import { meanAbsoluteError } from './metrics/regression';
import { fisherDiagonal } from './regularizers/ewc';
import { blobData, crossEntropy, tinyMlp } from './test-support/toy';

const original = getBackend();

/** A module computing `f`, for one-off layers in these tests. */
class Lambda extends Module {
  constructor(readonly f: (x: Tensor) => Tensor) {
    super();
  }
  forward(x: Tensor): Tensor {
    return this.f(x);
  }
}
afterEach(() => useBackend(original));

/** History without wall-clock fields, which differ from run to run. */
function timeless(history: History) {
  return history.epochs.map(({ seconds: _s, samplesPerSecond: _r, ...rest }) => rest);
}

async function valuesOf(named: [string, Tensor][]): Promise<Record<string, number[]>> {
  const entries = await Promise.all(
    named.map(async ([name, t]) => [name, Array.from(await t.data())] as const),
  );
  return Object.fromEntries(entries);
}

/** Classification with every built-in classification metric, a regularizer, clipping and a NaN guard. */
async function classify(backend: Backend) {
  useBackend(backend);
  const model = tinyMlp();
  const optimizer = new Adam(model.parameters(), { lr: 0.05 });
  const first = model.parameters()[0];
  const live: number[] = [];
  const counter: Callback = { onBatchEnd: () => void live.push(memory().tensors) };
  const history = await fit(model, {
    train: blobData(96),
    val: blobData(40, 5),
    optimizer,
    loss: crossEntropy,
    epochs: 3,
    batchSize: 16,
    seed: 1,
    metrics: ['accuracy', 'f1', 'precision', 'recall', 'top2', 'confusion_matrix'],
    regularizers: [{ name: 'l2', penalty: () => mul(sum(square(first)), 1e-3) }],
    clipGradNorm: 0.5,
    callbacks: [nanGuard(), counter],
  });
  const results = await evaluate(model, blobData(40, 5), {
    metrics: ['accuracy', 'confusion_matrix', 'top2', 'f1'],
    loss: crossEntropy,
    batchSize: 16,
  });
  const weights = await valuesOf(model.namedParameters());
  optimizer.dispose();
  model.dispose();
  return { history: timeless(history), step: history.step, results, weights, live };
}

/** y = 2·x₀ − x₁ + 0.5 on seeded inputs, as tensors of the active backend. */
function linearTensors(n: number): [Tensor, Tensor] {
  const g = new Generator(3);
  const x = Array.from({ length: n }, () => [g.nextNormal(), g.nextNormal()]);
  return [tensor(x), tensor(x.map(([a, b]) => [2 * a - b + 0.5]))];
}

async function regress(backend: Backend) {
  useBackend(backend);
  const model = tinyMlp(2, 8, 1);
  const optimizer = new SGD(model.parameters(), { lr: 0.05 });
  const history = await fit(model, {
    train: await TensorDataset.fromTensors(...linearTensors(48)),
    optimizer,
    loss: mseLoss,
    epochs: 2,
    batchSize: 16,
    metrics: ['mse', meanAbsoluteError()],
  });
  const weights = await valuesOf(model.namedParameters());
  optimizer.dispose();
  model.dispose();
  return { history: timeless(history), weights };
}

describe('fit and evaluate on a backend that reads only asynchronously', () => {
  test('classification gives exactly the history, results and weights of the synchronous js backend', async () => {
    const sync = await classify(createJsBackend());
    const deferred = await classify(asyncOnlyBackend(createJsBackend()));
    expect(deferred.history).toEqual(sync.history);
    expect(deferred.step).toBe(sync.step);
    expect(deferred.results).toEqual(sync.results);
    expect(deferred.weights).toEqual(sync.weights);
    expect(sync.history[2].metrics.val_accuracy).toBeGreaterThan(0.8);
    // Live tensors stay flat from batch to batch on both.
    for (const { live } of [sync, deferred]) expect(new Set(live).size).toBe(1);
  });

  test('regression metrics (mse, mae) match too', async () => {
    const sync = await regress(createJsBackend());
    const deferred = await regress(asyncOnlyBackend(createJsBackend()));
    expect(deferred).toEqual(sync);
    expect(Number.isFinite(sync.history[1].metrics.mae)).toBe(true);
  });

  test('the NaN guard names the bad gradient and skips the update', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const model = tinyMlp();
    const guard = nanGuard();
    const poison = { name: 'poison', penalty: () => mul(sum(model.parameters()[2]), Number.NaN) };
    const before = await valuesOf(model.namedParameters());
    const history = await fit(model, {
      train: blobData(32),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: crossEntropy,
      epochs: 1,
      batchSize: 8,
      regularizers: [poison],
      callbacks: [guard],
    });
    expect(history.stopReason?.by).toBe('nanGuard');
    expect(guard.report).toMatchObject({ kind: 'gradient', name: '2.weight' });
    expect(await valuesOf(model.namedParameters())).toEqual(before);
    model.dispose();
  });

  test('the NaN guard names the module whose output overflowed, reading asynchronously', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const overflow = new Lambda((x: Tensor) => mul(mul(x, 1e30), 1e30));
    const model = new Sequential(new Linear(2, 4, { seed: 1 }), overflow, new Linear(4, 3, { seed: 2 }));
    const guard = nanGuard();
    const history = await fit(model, {
      train: blobData(16),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: crossEntropy,
      epochs: 1,
      batchSize: 8,
      callbacks: [guard],
    });
    expect(history.stopReason?.by).toBe('nanGuard');
    expect(guard.report).toMatchObject({ kind: 'module', name: '1' });
    model.dispose();
  });

  test('a checkpoint saved during fit loads back with the trained weights', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const dir = await mkdtemp(join(tmpdir(), 'nagare-async-'));
    try {
      const model = tinyMlp();
      const checkpoint = modelCheckpoint({ dir });
      await fit(model, {
        train: blobData(32),
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        loss: crossEntropy,
        epochs: 1,
        batchSize: 8,
        callbacks: [checkpoint],
      });
      const saved = await loadCheckpoint(checkpoint.lastPath);
      const weights = await valuesOf(model.namedParameters());
      expect(await valuesOf(Object.entries(saved.weights))).toEqual(weights);
      saved.dispose();
      model.dispose();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('a custom metric with only a synchronous update fails with SyncReadError naming the async call', async () => {
    useBackend(asyncOnlyBackend(createJsBackend()));
    const model = tinyMlp();
    const syncOnly = {
      name: 'first',
      init: () => 0,
      update: (_state: number, output: Tensor) => output.dataSync()[0],
      result: (state: number) => state,
    };
    await expect(evaluate(model, blobData(16), [syncOnly])).rejects.toThrow(SyncReadError);
    model.dispose();
  });
});

test('fisherDiagonal with sampled labels gives the same diagonal where reads are async only', async () => {
  const run = async (backend: Backend) => {
    useBackend(backend);
    const model = tinyMlp();
    const fisher = fisherDiagonal(model, blobData(30), {
      loss: crossEntropy,
      labels: 'sampled',
      samples: 12,
      seed: 3,
    });
    const values = await valuesOf(Object.entries(fisher));
    for (const t of Object.values(fisher)) t.dispose();
    model.dispose();
    return values;
  };
  const expected = await run(createJsBackend());
  const actual = await run(asyncOnlyBackend(createJsBackend()));
  for (const [name, values] of Object.entries(expected))
    for (const [i, v] of actual[name].entries()) expect(v).toBeCloseTo(values[i], 6);
});
