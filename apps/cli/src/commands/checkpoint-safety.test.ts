// Damaged, hand-edited and partial run directories: every command refuses what it cannot trust, in
// one line, and training never ends with exit code 0 on NaN weights.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSafetensors, saveSafetensors } from '@nagare/io';
import { tensor } from '@nagare/tensor';
import { loadCheckpoint, saveCheckpoint } from '@nagare/train';
import { beforeAll, expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';
import { makeTempDir } from '../test-support/temp-dir';

const work = makeTempDir('nagare-checkpoint-safety-');
const runDir = join(work, 'run');
const nagare = (...args: string[]) => runInProcess(args);
const lastOf = (dir: string) => join(dir, 'checkpoints', 'last.safetensors');
const bestOf = (dir: string) => join(dir, 'checkpoints', 'best.safetensors');
let trainOutput = '';

/** A copy of the trained run to damage. */
function copyOfRun(name: string): string {
  const dir = join(work, name);
  cpSync(runDir, dir, { recursive: true });
  return dir;
}

/** Rewrites a checkpoint's safetensors metadata (its data, and so its checksum, unchanged). */
async function rewriteMetadata(path: string, change: (metadata: Record<string, string>) => void) {
  const { tensors, metadata } = parseSafetensors(readFileSync(path));
  change(metadata);
  await saveSafetensors(path, new Map(Object.entries(tensors)), metadata);
  for (const t of Object.values(tensors)) t.dispose();
}

beforeAll(async () => {
  const args = ['train', 'spiral-mlp', '--epochs', '2', '--limit', '200', '--backend', 'js', '--out', runDir];
  const result = await nagare(...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  trainOutput = result.stdout;
}, 120_000);

test('the final line names the checkpoint the test accuracy was measured on', () => {
  expect(trainOutput).toMatch(new RegExp(`test accuracy \\S+% on ${bestOf(runDir).replace(/[.]/g, '\\.')};`));
  expect(trainOutput).not.toContain('(best checkpoint)');
});

test('inspect reports the checksum as ok, failed or absent', async () => {
  expect((await nagare('inspect', lastOf(runDir))).stdout).toMatch(/^checksum: ok \(crc32:[0-9a-f]{8}\)$/m);
  const damaged = copyOfRun('inspect-damaged');
  const bytes = readFileSync(lastOf(damaged));
  bytes[bytes.length - 5] ^= 0x10;
  writeFileSync(lastOf(damaged), bytes);
  const failed = await nagare('inspect', lastOf(damaged));
  expect(failed.stdout).toMatch(/^checksum: FAILED — the data is crc32:\S+, its metadata says crc32:/m);
  const old = copyOfRun('inspect-old');
  await rewriteMetadata(lastOf(old), (metadata) => {
    delete metadata['nagare.checksum'];
  });
  expect((await nagare('inspect', lastOf(old))).stdout).toMatch(/^checksum: absent \(written before/m);
  expect((await nagare('eval', lastOf(old), '--json')).code).toBe(0);
});

test('eval and train --resume refuse a checkpoint whose checksum fails', async () => {
  const dir = copyOfRun('flipped');
  for (const path of [lastOf(dir), bestOf(dir)]) {
    const bytes = readFileSync(path);
    bytes[bytes.length - 9] ^= 0x01;
    writeFileSync(path, bytes);
  }
  const evaluated = await nagare('eval', dir);
  expect(evaluated.code).toBe(2);
  expect(evaluated.stderr).toMatch(/best\.safetensors: checksum mismatch: the data is crc32:/);
  const resumed = await nagare('train', '--resume', dir, '--epochs', '3');
  expect(resumed.code).toBe(2);
  expect(resumed.stderr).toMatch(/last\.safetensors: checksum mismatch/);
  expect(resumed.stdout).toBe('');
});

test('resume continues from best when last is missing and best holds the training state', async () => {
  const dir = copyOfRun('no-last');
  rmSync(lastOf(dir));
  const result = await nagare('train', '--resume', dir, '--epochs', '3');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`resuming from ${bestOf(dir)}: ${lastOf(dir)} is missing`);
  expect(result.stdout).toMatch(/^epoch 3\/3 /m);
});

test('a hand-edited epoch count beyond the run is refused, not reported as done', async () => {
  const dir = copyOfRun('edited');
  await rewriteMetadata(lastOf(dir), (metadata) => {
    metadata['nagare.state'] = metadata['nagare.state'].replace(
      '"epochsCompleted":2',
      '"epochsCompleted":99',
    );
  });
  const result = await nagare('train', '--resume', dir);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /last\.safetensors: training state says 99 epochs are done, more than the 2 epochs/,
  );
  expect(result.stdout).not.toContain('done in');
});

test('NaN weights stop training with an error and a non-zero exit, never an old accuracy', async () => {
  const dir = copyOfRun('nan');
  const checkpoint = await loadCheckpoint(lastOf(dir));
  const weight = checkpoint.weights['1.weight'];
  const values = Float32Array.from(weight.dataSync());
  values[0] = Number.NaN;
  checkpoint.weights['1.weight'] = tensor(values, { shape: weight.shape });
  await saveCheckpoint(lastOf(dir), checkpoint);
  checkpoint.dispose();
  weight.dispose();
  const result = await nagare('train', '--resume', dir, '--epochs', '3');
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /^nagare: .*nan: training stopped: nanGuard: .*1\.weight.*no test accuracy was measured$/m,
  );
  expect(result.stdout).not.toMatch(/done in|test accuracy/);
});
