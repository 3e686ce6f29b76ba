// End-to-end: the CLI in child processes, as a user runs it. One small MNIST run (300 samples, one
// epoch, js backend) is trained once and then evaluated, inspected, used for predictions and resumed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mnist } from '@nagare/data';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, test } from 'vitest';
import { lastWeights } from './test-support/checkpoint-weights';
import { runInProcess } from './test-support/run-in-process';
import { finished, runNagare, startNagare } from './test-support/run-nagare';
import { makeTempDir } from './test-support/temp-dir';
import { parseMetricsLines } from './training/metrics-row';

const work = makeTempDir('nagare-cli-');
const runDir = join(work, 'run');
const nagare = (...args: string[]) => runNagare(args, work);
// Variants of a command already run in a child process run in-process: the same code, faster.
const nagareInProcess = (...args: string[]) => runInProcess(args);

/**
 * Writes the first MNIST test digit twice: as a PNG drawn as a user would (dark ink on white) and
 * as a CSV row of bytes with its label first. Returns the label.
 */
async function writeDigit(png: string, csv: string): Promise<number> {
  const test = await mnist({ split: 'test', limit: 1 });
  const [x, y] = test.get(0);
  const pixels = Array.from(x.dataSync());
  const label = y.dataSync()[0];
  x.dispose();
  y.dispose();
  const image = new PNG({ width: 28, height: 28 });
  pixels.forEach((value, i) => {
    const gray = Math.round(255 * (1 - value));
    image.data.set([gray, gray, gray, 255], 4 * i);
  });
  writeFileSync(png, PNG.sync.write(image));
  const header = ['label', ...pixels.map((_, i) => `pixel${i}`)].join(',');
  writeFileSync(csv, `${header}\n${label},${pixels.map((v) => Math.round(255 * v)).join(',')}\n`);
  return label;
}

describe('nagare train and the commands that use its run', () => {
  let trainOutput = '';

  beforeAll(async () => {
    const result = await nagare(
      'train',
      'mnist-mlp',
      '--epochs',
      '1',
      '--limit',
      '300',
      '--backend',
      'js',
      '--out',
      runDir,
    );
    trainOutput = result.stdout;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 180_000);

  test('prints a one-line summary per epoch and writes the run directory', () => {
    expect(trainOutput).toMatch(
      /^epoch 1\/1 {2}loss \S+ {2}acc \S+% {2}val_loss \S+ {2}val_acc \S+%.* samples\/s$/m,
    );
    for (const file of [
      'config.json',
      'metrics.jsonl',
      'report.html',
      'checkpoints/last.safetensors',
      'checkpoints/best.safetensors',
    ]) {
      expect(existsSync(join(runDir, file)), file).toBe(true);
    }
  });

  test('config.json is fully resolved', () => {
    const config = JSON.parse(readFileSync(join(runDir, 'config.json'), 'utf8'));
    expect(config).toMatchObject({
      recipe: 'mnist-mlp',
      epochs: 1,
      limit: 300,
      backend: 'js',
      batchSize: 128,
      optimizer: 'adam',
    });
    expect(config.model).toEqual({ hidden: [512, 256], dropout: 0.2 });
  });

  test('metrics.jsonl has one object per epoch and a final test line', () => {
    const lines = readFileSync(join(runDir, 'metrics.jsonl'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const epoch = JSON.parse(lines[0]);
    expect(Object.keys(epoch).sort()).toEqual(
      ['epoch', 'lr', 'samples_per_sec', 'seconds', 'train_acc', 'train_loss', 'val_acc', 'val_loss'].sort(),
    );
    expect(epoch.epoch).toBe(1);
    const last = JSON.parse(lines[1]);
    expect(last).toMatchObject({ checkpoint: 'best', test_samples: 300 });
    expect(last.test_acc).toBeGreaterThan(0.3);
  });

  test('report.html holds SVG charts and no external URLs', () => {
    const html = readFileSync(join(runDir, 'report.html'), 'utf8');
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Confusion matrix');
    expect(html).not.toMatch(/https?:\/\/|<script|<link/);
  });

  test('eval measures the best checkpoint on the test split, as a table or JSON', async () => {
    const json = await nagare('eval', runDir, '--json');
    expect(json.code).toBe(0);
    const result = JSON.parse(json.stdout);
    const { test } = parseMetricsLines(readFileSync(join(runDir, 'metrics.jsonl'), 'utf8'));
    expect(result).toMatchObject({ recipe: 'mnist-mlp', split: 'test', samples: 300 });
    expect(result.accuracy).toBeCloseTo(test?.test_acc ?? -1, 10);
    const table = await nagareInProcess('eval', runDir, '--split', 'val');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/val split \(25 samples\)/);
    expect(table.stdout).toMatch(/^accuracy +\d+\.\d\d%$/m);
  });

  test('inspect lists tensors, shapes, dtypes, the parameter count and metadata', async () => {
    const result = await nagare('inspect', join(runDir, 'checkpoints', 'last.safetensors'));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('parameters: 535,818');
    expect(result.stdout).toMatch(/^1\.weight +float32 +\[512, 784\] +401,408$/m);
    expect(result.stdout).toMatch(/nagare:optimizer\./);
    expect(result.stdout).toMatch(/training state: 1 epochs done/);
  });

  test('predict classifies a PNG digit and CSV rows alike', async () => {
    const [png, csv] = [join(work, 'digit.png'), join(work, 'digit.csv')];
    const label = await writeDigit(png, csv);
    const fromPng = await nagare('predict', runDir, png, '--json');
    expect(fromPng.code).toBe(0);
    const image = JSON.parse(fromPng.stdout);
    expect(image.source).toBe(png);
    expect(image.top).toHaveLength(3);
    expect(image.top[0].probability).toBeGreaterThanOrEqual(image.top[1].probability);
    const fromCsv = await nagare('predict', runDir, csv, '--json');
    const row = JSON.parse(fromCsv.stdout);
    // The inverted PNG and the byte CSV hold the same digit: decoding, polarity and scaling agree.
    expect(row).toMatchObject({ source: 'line 2', predicted: image.predicted, expected: String(label) });
    expect(row.probability).toBeCloseTo(image.probability, 2);
    const inline = await nagareInProcess('predict', '--json', runDir, '--', Array(784).fill('-0').join(','));
    expect(JSON.parse(inline.stdout).source).toBe('input row');
    const table = await nagareInProcess('predict', runDir, csv);
    expect(table.stdout).toMatch(new RegExp(`^line 2 +${image.predicted} +\\d+\\.\\d\\d% .* ${label}$`, 'm'));
  });

  test('--resume continues the run to more epochs', async () => {
    const result = await nagare('train', '--resume', runDir, '--epochs', '2');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(resuming)');
    expect(result.stdout).toMatch(/^epoch 2\/2 /m);
    expect(result.stdout).not.toMatch(/^epoch 1\/2 /m);
    const { epochs, test } = parseMetricsLines(readFileSync(join(runDir, 'metrics.jsonl'), 'utf8'));
    expect(epochs.map((row) => row.epoch)).toEqual([1, 2]);
    expect(test).not.toBeNull();
  });
});

test('Ctrl-C finishes the batch, writes the last checkpoint, exits with 130, and the run resumes exactly', async () => {
  const [dir, straight] = [join(work, 'interrupted'), join(work, 'straight')];
  const common = ['--epochs', '12', '--backend', 'js', '--seed', '5'];
  const child = startNagare(['train', 'spiral-mlp', ...common, '--out', dir], work);
  const done = finished(child);
  let seen = '';
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk) => {
      seen += chunk;
      if (/^epoch +2\/12 /m.test(seen)) resolve();
    });
  });
  child.kill('SIGINT');
  const result = await done;
  expect(result.code).toBe(130);
  expect(result.stdout).toContain('interrupted: finishing the current batch');
  expect(result.stdout).toContain(`checkpoint written to ${join(dir, 'checkpoints', 'last.safetensors')}`);
  // Run from this checkout, where `nagare` is not on PATH, the printed command goes through npm.
  expect(result.stdout).toContain(`continue with: npm run nagare -- train --resume ${dir}`);
  expect(result.stdout).not.toMatch(/^epoch +12\/12 /m);
  expect(existsSync(join(dir, 'report.html'))).toBe(true);
  const resumed = await runInProcess(['train', '--resume', dir]);
  expect(resumed.code).toBe(0);
  expect(resumed.stdout).toMatch(/^epoch +12\/12 /m);
  expect((await runInProcess(['train', 'spiral-mlp', ...common, '--out', straight])).code).toBe(0);
  expect(await lastWeights(dir)).toEqual(await lastWeights(straight));
}, 120_000);
