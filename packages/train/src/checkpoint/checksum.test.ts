import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseSafetensors, saveSafetensors } from '@nagare/io';
import { Adam } from '@nagare/optimizers';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { CheckpointError } from '../errors/checkpoint-error';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import { METADATA_KEYS } from './checkpoint-contents';
import { crc32, dataSection, verifyCheckpointChecksum } from './checksum';
import { loadCheckpoint } from './load-checkpoint';

let dir: string;
let path: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nagare-train-checksum-'));
  path = join(dir, 'last.safetensors');
  const model = tinyMlp();
  await fit(model, {
    train: blobData(32),
    optimizer: new Adam(model.parameters()),
    loss: crossEntropy,
    epochs: 1,
    batchSize: 16,
    callbacks: [{ onTrainEnd: (context) => context.saveCheckpoint(path) }],
  });
  model.dispose();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('crc32 gives the standard check value', () => {
  expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test('a saved checkpoint carries the CRC-32 of its data section and loads as ok', async () => {
  const bytes = new Uint8Array(await readFile(path));
  const { metadata, tensors } = parseSafetensors(bytes);
  for (const tensor of Object.values(tensors)) tensor.dispose();
  expect(metadata[METADATA_KEYS.checksum]).toMatch(/^crc32:[0-9a-f]{8}$/);
  expect(verifyCheckpointChecksum(bytes, metadata).status).toBe('ok');
  const checkpoint = await loadCheckpoint(path);
  expect(checkpoint.checksum).toBe('ok');
  expect(checkpoint.metadata[METADATA_KEYS.checksum]).toBeUndefined();
  checkpoint.dispose();
});

test('one flipped bit in the weights is refused with a CheckpointError', async () => {
  const bytes = new Uint8Array(await readFile(path));
  const data = dataSection(bytes);
  data[data.length >> 1] ^= 0x01;
  const damaged = join(dir, 'damaged.safetensors');
  await writeFile(damaged, bytes);
  const error = await loadCheckpoint(damaged).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckpointError);
  expect(error).toMatchObject({ problem: 'checksum', file: damaged });
  expect((error as Error).message).toMatch(/^.*damaged\.safetensors: checksum mismatch: the data is crc32:/);
  const { metadata, tensors } = parseSafetensors(bytes);
  for (const tensor of Object.values(tensors)) tensor.dispose();
  expect(verifyCheckpointChecksum(bytes, metadata).status).toBe('failed');
});

test('a checkpoint written before checksums still loads, with checksum absent', async () => {
  const { metadata, tensors } = parseSafetensors(await readFile(path));
  const { [METADATA_KEYS.checksum]: _, ...older } = metadata;
  const old = join(dir, 'old.safetensors');
  await saveSafetensors(old, new Map(Object.entries(tensors)), older);
  for (const tensor of Object.values(tensors)) tensor.dispose();
  const checkpoint = await loadCheckpoint(old);
  expect(checkpoint.checksum).toBe('absent');
  expect(checkpoint.state?.epochsCompleted).toBe(1);
  checkpoint.dispose();
});
