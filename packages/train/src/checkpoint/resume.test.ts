import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataLoader } from '@nagare/data';
import { Dropout, Linear, ReLU, Sequential } from '@nagare/layers';
import { Adam, reduceLrOnPlateau } from '@nagare/optimizers';
import { manualSeed, randn, type Tensor } from '@nagare/tensor';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Callback, History } from '../callbacks/callback';
import { earlyStopping } from '../callbacks/early-stopping';
import { modelCheckpoint } from '../callbacks/model-checkpoint';
import { fit } from '../fit';
import type { FitOptions } from '../fit-options';
import { blobData, crossEntropy, NoisyLayer } from '../test-support/toy';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-resume-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

// Every random stream a run can draw from: an unseeded Dropout (the default generator), a layer
// with its own generator, shuffling, and a batch transform drawing from the loader's stream.
function buildRun(checkpointDir: string) {
  const model = new Sequential(
    new Linear(2, 24, { seed: 11 }),
    new ReLU(),
    new Dropout(0.2),
    new NoisyLayer(0.05, 5),
    new Linear(24, 3, { seed: 12 }),
  );
  const train = new DataLoader(blobData(150, 2), {
    batchSize: 16,
    shuffle: true,
    seed: 9,
    transform: ([x, y]: Tensor[], generator) => [x.add(randn(x.shape, { generator }).mul(0.02)), y],
  });
  const lr = reduceLrOnPlateau(0.02, { patience: 0, factor: 0.5, threshold: 0.8 });
  const options: FitOptions = {
    train,
    val: blobData(45, 4),
    optimizer: new Adam(model.parameters(), { lr: 0.02 }),
    loss: crossEntropy,
    epochs: 4,
    seed: 21,
    metrics: ['accuracy'],
    scheduler: { schedule: lr, monitor: 'val_loss' },
    callbacks: [earlyStopping({ patience: 10 }), modelCheckpoint({ dir: checkpointDir })],
  };
  return { model, options };
}

function weightsOf(model: Sequential): Float32Array[] {
  return model.parameters().map((p) => p.dataSync() as Float32Array);
}

function withoutTimes(history: History) {
  return history.epochs.map(({ seconds, samplesPerSecond, ...rest }) => rest);
}

test('resuming from a mid-epoch checkpoint gives bit-identical weights and history', async () => {
  const straight = buildRun(join(dir, 'straight'));
  const full = await fit(straight.model, straight.options);
  expect(full.stopReason).toBeNull();

  // Interrupted in the middle of epoch 3 (a Ctrl-C), which writes last.safetensors mid-epoch ...
  const interruptedDir = join(dir, 'interrupted');
  const first = buildRun(interruptedDir);
  const controller = new AbortController();
  const ctrlC: Callback = {
    onBatchEnd: (_context, logs) => {
      if (logs.epoch === 3 && logs.batch === 4) controller.abort();
    },
  };
  const partial = await fit(first.model, {
    ...first.options,
    callbacks: [...(first.options.callbacks ?? []), ctrlC],
    signal: controller.signal,
  });
  expect(partial.stopReason?.by).toBe('signal');
  expect(partial.epochs).toHaveLength(2);

  // ... and a fresh process (new model, optimizer, loader, default generator) continues from it.
  manualSeed(987);
  const second = buildRun(interruptedDir);
  const resumed = await fit(second.model, {
    ...second.options,
    resume: join(interruptedDir, 'last.safetensors'),
  });

  const expected = weightsOf(straight.model);
  const actual = weightsOf(second.model);
  expect(actual).toHaveLength(expected.length);
  actual.forEach((values, i) => {
    expect(values).toEqual(expected[i]);
  });
  expect(resumed.step).toBe(full.step);
  expect(withoutTimes(resumed)).toEqual(withoutTimes(full));
  // The plateau schedule halved the lr at least once, so its state had to survive the checkpoint.
  expect(new Set(full.epochs.map((e) => e.lr)).size).toBeGreaterThan(1);
  for (const run of [straight, first, second]) run.model.dispose();
});
