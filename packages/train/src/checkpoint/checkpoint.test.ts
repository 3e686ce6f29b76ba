import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Adam } from '@nagare/optimizers';
import { memory } from '@nagare/tensor';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CheckpointError } from '../errors/checkpoint-error';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import { loadCheckpoint } from './load-checkpoint';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-checkpoint-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('checkpoints', () => {
  test('round-trip weights, optimizer state, training state and metadata', async () => {
    const model = tinyMlp();
    const optimizer = new Adam(model.parameters(), { lr: 0.01 });
    const path = join(dir, 'round-trip', 'last.safetensors');
    await fit(model, {
      train: blobData(64),
      optimizer,
      loss: crossEntropy,
      epochs: 2,
      batchSize: 16,
      seed: 3,
      metrics: ['accuracy'],
      metadata: { config: '{"lr":0.01}' },
      callbacks: [{ onTrainEnd: (context) => context.saveCheckpoint(path) }],
    });
    const before = memory().tensors;
    const checkpoint = await loadCheckpoint(path);
    expect(Object.keys(checkpoint.weights).sort()).toEqual(['0.bias', '0.weight', '2.bias', '2.weight']);
    for (const [name, tensor] of Object.entries(model.stateDict())) {
      expect(checkpoint.weights[name].dataSync()).toEqual(tensor.dataSync());
    }
    const saved = optimizer.stateDict();
    expect(checkpoint.optimizer?.stepCount).toBe(8);
    expect(checkpoint.optimizer?.paramGroups).toEqual(saved.paramGroups);
    for (const [index, state] of Object.entries(saved.state)) {
      const loaded = checkpoint.optimizer?.state[Number(index)];
      expect(loaded?.step).toBe(state.step);
      for (const [name, tensor] of Object.entries(state.tensors)) {
        expect(loaded?.tensors[name].dataSync()).toEqual(tensor.dataSync());
        tensor.dispose();
      }
    }
    expect(checkpoint.state).toMatchObject({
      epochsCompleted: 2,
      batchesDone: 0,
      step: 8,
      seed: 3,
      backend: 'js',
    });
    expect(checkpoint.state?.history.epochs).toHaveLength(2);
    expect(checkpoint.metadata).toEqual({ config: '{"lr":0.01}' });
    checkpoint.dispose();
    expect(memory().tensors).toBe(before);
    optimizer.dispose();
    model.dispose();
  });

  test('a missing or corrupt file is a CheckpointError naming the file', async () => {
    const missing = join(dir, 'nope.safetensors');
    await expect(loadCheckpoint(missing)).rejects.toMatchObject({ problem: 'missing', file: missing });
    const corrupt = join(dir, 'corrupt.safetensors');
    await writeFile(corrupt, new Uint8Array([1, 2, 3]));
    const error = await loadCheckpoint(corrupt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointError);
    expect(error).toMatchObject({ problem: 'corrupt', code: 'CHECKPOINT_INVALID' });
    expect((error as Error).message.startsWith(`${corrupt}: not a valid checkpoint`)).toBe(true);
  });

  test('resuming from a weights-only file or into another model fails clearly', async () => {
    const model = tinyMlp();
    const path = join(dir, 'mismatch.safetensors');
    const options = { train: blobData(16), loss: crossEntropy, epochs: 1, batchSize: 16 };
    await fit(model, {
      ...options,
      optimizer: new Adam(model.parameters()),
      callbacks: [{ onTrainEnd: (context) => context.saveCheckpoint(path) }],
    });
    const wider = tinyMlp(1, 32);
    await expect(
      fit(wider, { ...options, optimizer: new Adam(wider.parameters()), resume: path }),
    ).rejects.toMatchObject({
      problem: 'mismatch',
    });
    const { saveSafetensors } = await import('@nagare/io');
    const weightsOnly = join(dir, 'weights.safetensors');
    await saveSafetensors(weightsOnly, model.stateDict());
    await expect(
      fit(model, { ...options, optimizer: new Adam(model.parameters()), resume: weightsOnly }),
    ).rejects.toMatchObject({
      problem: 'no-training-state',
    });
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    model.dispose();
    wider.dispose();
  });
});
