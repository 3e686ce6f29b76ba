import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { batchnorm, logspace } from './batchnorm';
import { scaledMlp } from './scaled-mlp';

const silent = { stream: process.stderr, log: () => {} };

test('logspace spaces values evenly in log10, as NumPy does', () => {
  expect(logspace(0, -4, 5)).toEqual([1, 0.1, 0.01, 0.001, 0.0001]);
  expect(logspace(0, -4, 16)).toHaveLength(16);
});

test('scaledMlp draws the same weights up to the scale, with or without BatchNorm', () => {
  const small = scaledMlp({ hidden: [16], scale: 0.01, hasBatchNorm: false, seed: 4 });
  const large = scaledMlp({ hidden: [16], scale: 1, hasBatchNorm: true, seed: 4 });
  const [ws, wl] = [small.parameters()[0].dataSync(), large.parameters()[0].dataSync()];
  expect(ws[5] * 100).toBeCloseTo(wl[5], 4);
  expect(large.numParameters() - small.numParameters()).toBe(2 * 16);
  expect(large.call(zeros([3, 1, 28, 28])).shape).toEqual([3, 10]);
});

// End to end on a reduced size: from small initial weights a deep plain MLP does not learn in the
// time BatchNorm needs to fit most of the training set.
test('batchnorm: from small initial weights BatchNorm trains while the plain net stays near chance', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-batchnorm-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: batchnorm as never,
      size: 'quick',
      params: {
        train: 500,
        test: 200,
        epochs: 5,
        batchSize: 25,
        hidden: [32, 32, 32, 32, 32],
        scales: [0.01, 0.001],
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const withBn = outcome.summary.train_acc_batchnorm as number[];
  const plain = outcome.summary.train_acc_plain as number[];
  for (const [index, accuracy] of withBn.entries()) {
    expect(accuracy).toBeGreaterThan(plain[index] + 0.25);
    expect(plain[index]).toBeLessThan(0.25);
  }
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('W ~ N(0, 0.001²)');
  expect(html).toMatch(/BatchNorm reached a mean final training accuracy of \d+\.\d+%/);
});
