import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SGD } from '@nagare/optimizers';
import { ArgumentError } from '@nagare/tensor';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCheckpoint } from '../checkpoint/load-checkpoint';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import type { Callback } from './callback';
import { modelCheckpoint } from './model-checkpoint';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-model-checkpoint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function savedEpoch(path: string): Promise<number | null> {
  try {
    const checkpoint = await loadCheckpoint(path);
    checkpoint.dispose();
    return checkpoint.state?.epochsCompleted ?? null;
  } catch {
    return null;
  }
}

test('writes last every N epochs and at the end, and best when the monitor improves', async () => {
  const checkpoint = modelCheckpoint({
    dir: join(dir, 'run', 'checkpoints'),
    everyEpochs: 2,
    monitor: 'val_accuracy',
  });
  const seen: [number | null, number | null][] = [];
  // Runs after the checkpoint callback (order 100) and looks at what is on disk.
  const observer: Callback = {
    order: 200,
    onEpochEnd: async () =>
      void seen.push([await savedEpoch(checkpoint.lastPath), await savedEpoch(checkpoint.bestPath)]),
  };
  const model = tinyMlp();
  const history = await fit(model, {
    train: blobData(48),
    val: blobData(30, 9),
    optimizer: new SGD(model.parameters(), { lr: 0.05 }),
    loss: crossEntropy,
    epochs: 5,
    batchSize: 16,
    metrics: ['accuracy'],
    callbacks: [observer, checkpoint],
  });
  expect(seen.map(([last]) => last)).toEqual([null, 2, 2, 4, 4]);
  expect(await savedEpoch(checkpoint.lastPath)).toBe(5);
  // best.safetensors holds the first epoch with the highest validation accuracy.
  const accuracies = history.epochs.map((e) => e.metrics.val_accuracy);
  expect(await savedEpoch(checkpoint.bestPath)).toBe(accuracies.indexOf(Math.max(...accuracies)) + 1);
  expect((await readdir(join(dir, 'run', 'checkpoints'))).sort()).toEqual([
    'best.safetensors',
    'last.safetensors',
  ]);
  model.dispose();
});

test('validates its options', () => {
  expect(() => modelCheckpoint({ dir: '' })).toThrow(ArgumentError);
  expect(() => modelCheckpoint({ dir: 'x', everyEpochs: 0 })).toThrow(/everyEpochs/);
  expect(modelCheckpoint({ dir: 'runs/a/' }).lastPath).toBe('runs/a/last.safetensors');
});
