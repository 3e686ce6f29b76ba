import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir';
import { parseMetricsLines, toJsonLines } from './metrics-row';
import { epochRow, writeTextAtomic } from './run-files';

const atomicDir = makeTempDir('nagare-atomic-');

test('epochRow maps fit logs onto the metrics.jsonl fields', () => {
  const row = epochRow({
    epoch: 2,
    lr: 5e-4,
    seconds: 9.87654,
    samples: 55000,
    samplesPerSecond: 5572.4,
    metrics: { loss: 0.1, accuracy: 0.97, val_loss: 0.12, val_accuracy: 0.965 },
  });
  expect(row).toEqual({
    epoch: 2,
    train_loss: 0.1,
    train_acc: 0.97,
    val_loss: 0.12,
    val_acc: 0.965,
    lr: 5e-4,
    seconds: 9.877,
    samples_per_sec: 5572,
  });
  expect(
    epochRow({ epoch: 1, lr: 1, seconds: 1, samples: 1, samplesPerSecond: 1, metrics: { loss: 1 } }),
  ).toMatchObject({
    train_acc: null,
    val_loss: null,
    val_acc: null,
  });
});

test('metrics lines round-trip, with the test line kept apart', () => {
  const rows = [1, 2].map((epoch) => ({
    ...epochRow({ epoch, lr: 1, seconds: 1, samples: 1, samplesPerSecond: 1, metrics: { loss: 1 } }),
  }));
  const test = { test_loss: 0.5, test_acc: 0.9, checkpoint: 'best' as const, test_samples: 10 };
  const text = toJsonLines([...rows, test]);
  expect(text.split('\n')).toHaveLength(4);
  expect(parseMetricsLines(text)).toEqual({ epochs: rows, test });
});

test('writeTextAtomic replaces the file and leaves no temporary file behind', async () => {
  const path = join(atomicDir, 'config.json');
  await writeTextAtomic(path, 'one');
  await writeTextAtomic(path, 'two');
  expect(readFileSync(path, 'utf8')).toBe('two');
  expect(readdirSync(atomicDir)).toEqual(['config.json']);
});
