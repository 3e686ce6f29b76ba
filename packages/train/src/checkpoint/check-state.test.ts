import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSafetensors, saveSafetensors } from '@nagare/io';
import { Adam } from '@nagare/optimizers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import { METADATA_KEYS } from './checkpoint-contents';
import type { TrainingState } from './training-state';

const options = { train: blobData(64), loss: crossEntropy, batchSize: 16, seed: 2 };
let dir: string;
let finished: string;
let midEpoch: string;

/** Trains 2 epochs, or stops after 2 batches of epoch 2, and saves the checkpoint to `path`. */
async function trainAndSave(path: string, shouldStopMidEpoch: boolean): Promise<void> {
  const model = tinyMlp();
  const controller = new AbortController();
  await fit(model, {
    ...options,
    optimizer: new Adam(model.parameters()),
    epochs: 2,
    signal: controller.signal,
    callbacks: [
      {
        onBatchEnd: (context) => {
          if (shouldStopMidEpoch && context.epoch === 2 && context.batch === 2) controller.abort();
        },
        onTrainEnd: (context) => context.saveCheckpoint(path),
      },
    ],
  });
  model.dispose();
}

/** Rewrites the training state of the checkpoint at `path` into a new file, as a hand edit would. */
async function edited(path: string, name: string, change: (state: TrainingState) => void): Promise<string> {
  const { tensors, metadata } = parseSafetensors(await readFile(path));
  const state = JSON.parse(metadata[METADATA_KEYS.state]);
  change(state);
  const out = join(dir, name);
  await saveSafetensors(out, new Map(Object.entries(tensors)), {
    ...metadata,
    [METADATA_KEYS.state]: JSON.stringify(state),
  });
  for (const tensor of Object.values(tensors)) tensor.dispose();
  return out;
}

function resume(path: string, epochs: number) {
  const model = tinyMlp();
  return fit(model, { ...options, optimizer: new Adam(model.parameters()), epochs, resume: path }).finally(
    () => model.dispose(),
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-state-'));
  finished = join(dir, 'finished.safetensors');
  midEpoch = join(dir, 'mid-epoch.safetensors');
  await trainAndSave(finished, false);
  await trainAndSave(midEpoch, true);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('the untouched checkpoints resume', async () => {
  expect((await resume(finished, 3)).epochs).toHaveLength(3);
  expect((await resume(midEpoch, 2)).epochs).toHaveLength(2);
});

test('more epochs done than the run has is refused, not reported as done', async () => {
  const path = await edited(finished, 'far.safetensors', (state) => {
    state.epochsCompleted = 99;
  });
  await expect(resume(path, 3)).rejects.toMatchObject({ problem: 'mismatch', file: path });
  await expect(resume(path, 3)).rejects.toThrow(/says 99 epochs are done, more than the 3 epochs/);
});

test('an epoch count that disagrees with the saved history is refused', async () => {
  const path = await edited(finished, 'behind.safetensors', (state) => {
    state.epochsCompleted = 1;
  });
  await expect(resume(path, 3)).rejects.toThrow(/says 1 epochs are done, but its history ends at epoch 2/);
});

test('a position past the end of an epoch of this data is refused', async () => {
  const path = await edited(midEpoch, 'past-end.safetensors', (state) => {
    state.batchesDone = 4;
    state.step = 8;
  });
  await expect(resume(path, 2)).rejects.toThrow(
    /4 batches of epoch 2 are done, but an epoch of this data has 4/,
  );
  const between = await edited(finished, 'between.safetensors', (state) => {
    state.batchesDone = 3;
  });
  await expect(resume(between, 3)).rejects.toThrow(/is between epochs but says 3 batches are done/);
});
