import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveSafetensors } from '@nagare/io';
import { pythonForTorchTests, runPython } from '@nagare/io/testing';
import { zeros } from '@nagare/tensor';
import { afterAll, describe, expect, test } from 'vitest';
import { runInProcess } from '../test-support/run-in-process';

// The "Scaling out" example (examples/ddp at the repository root), at a small size: a short nagare
// run, `nagare export --format pytorch --with-data`, DDP training on 2 gloo processes, and the
// result back in `nagare eval` and `nagare train --init-from`.
const DDP_SCRIPT = fileURLToPath(new URL('../../../../examples/ddp/train_ddp.py', import.meta.url));
const python = await pythonForTorchTests(['torch', 'numpy']);
const work = mkdtempSync(join(tmpdir(), 'nagare-ddp-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The accuracy `nagare eval --json` reports for `target`. */
async function evalAccuracy(target: string): Promise<number> {
  const result = await runInProcess(['eval', target, '--json', '--backend', 'js']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).accuracy;
}

describe.skipIf(python === null)('examples/ddp: nagare → PyTorch DDP on 2 processes → nagare', () => {
  test('the exported model trains under DDP and its weights evaluate and train in nagare again', async () => {
    const run = join(work, 'run');
    const exported = join(work, 'torch');
    const train = ['train', 'spiral-mlp', '--epochs', '1', '--limit', '400', '--backend', 'js', '--out', run];
    expect((await runInProcess(train)).code).toBe(0);
    const before = await evalAccuracy(run);

    const exportArgs = ['export', run, '--format', 'pytorch', '--with-data', '--out', exported];
    const exportResult = await runInProcess(exportArgs);
    expect(exportResult.code).toBe(0);
    for (const file of [
      'model.py',
      'model.safetensors',
      'loader.json',
      'train.safetensors',
      'test.safetensors',
    ])
      expect(existsSync(join(exported, file)), file).toBe(true);
    expect(JSON.parse(readFileSync(join(exported, 'loader.json'), 'utf8'))).toMatchObject({
      recipe: 'spiral-mlp',
      batchSize: 32,
      optimizer: 'adam',
    });

    const stdout = await runPython(python as string, [
      DDP_SCRIPT,
      exported,
      '--processes',
      '2',
      '--steps',
      '60',
    ]);
    const ddp = JSON.parse(stdout.trim().split('\n').at(-1) as string);
    expect(ddp).toMatchObject({ processes: 2, steps: 60 });
    expect(ddp.steps_per_second).toBeGreaterThan(0);
    // PyTorch's accuracy of the exported weights is nagare's accuracy of the run.
    expect(ddp.test_accuracy_before).toBeCloseTo(before, 6);

    const trained = join(exported, 'trained.safetensors');
    const after = await evalAccuracy(trained);
    expect(after).toBeCloseTo(ddp.test_accuracy_after, 6);

    const resumed = ['train', 'spiral-mlp', '--epochs', '1', '--limit', '400', '--backend', 'js'];
    const initFrom = await runInProcess([...resumed, '--init-from', trained, '--out', join(work, 'again')]);
    expect(initFrom.stderr).toBe('');
    expect(initFrom.code).toBe(0);
    expect(initFrom.stdout).toContain(`initial weights: ${trained}`);
  }, 600_000);
});

test('--init-from with weights of another model is an error naming the file, before training', async () => {
  const other = join(work, 'lenet.safetensors');
  await saveSafetensors(other, { 'conv.weight': zeros([2, 2]) });
  const args = ['train', 'spiral-mlp', '--epochs', '1', '--limit', '100', '--backend', 'js'];
  const result = await runInProcess([...args, '--init-from', other, '--out', join(work, 'wrong')]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain(other);
  expect(result.stderr).toMatch(/--init-from: weights do not fit/);
  expect(existsSync(join(work, 'wrong', 'checkpoints'))).toBe(false);
});

test('--init-from cannot be combined with --resume, which continues from its own checkpoint', async () => {
  const run = join(work, 'short');
  const args = ['train', 'spiral-mlp', '--epochs', '1', '--limit', '100', '--backend', 'js'];
  expect((await runInProcess([...args, '--out', run])).code).toBe(0);
  const result = await runInProcess([
    'train',
    '--resume',
    run,
    '--init-from',
    join(run, 'checkpoints', 'best.safetensors'),
  ]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toMatch(/--init-from: a resumed run continues from its own checkpoint/);
});
