import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TensorDataset } from '@nagare/data';
import { tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ClassifierRun } from '../support/train-classifier';
import { randomLabels } from './random-labels';
import { fitCaption, judgeRandomLabels } from './random-labels-report';
import { withRandomLabels } from './random-labels-steps';

const silent = { stream: process.stderr, log: () => {} };

test('withRandomLabels replaces the given share of labels and keeps the images', () => {
  const n = 1000;
  const data = new TensorDataset(
    tensor(
      Float32Array.from({ length: n }, (_, i) => i),
      { shape: [n, 1] },
    ),
    tensor(new Int32Array(n), { dtype: 'int32' }),
  );
  const noisy = withRandomLabels(data, 0.5, 10, 0);
  expect(noisy.columns[0]).toBe(data.columns[0]);
  const changed = Array.from(noisy.columns[1].values).filter((label) => label !== 0).length;
  // Half are redrawn uniformly from 10 classes; a tenth of those land on 0 again.
  expect(changed).toBeGreaterThan(0.4 * n);
  expect(changed).toBeLessThan(0.5 * n);
  expect(() => withRandomLabels({ length: 1, get: () => [] }, 0.5, 10, 0)).toThrow(/TensorDataset/);
});

test('random-labels: the MLP fits random labels as well as true ones, but only true labels generalize', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-random-labels-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: randomLabels as never,
      size: 'quick',
      params: {
        trainSamples: 200,
        testSamples: 1000,
        fractions: [0, 1],
        hidden: [512],
        epochs: 25,
        lr: 2e-3,
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const { train_acc: train, test_acc: testAccuracy } = outcome.summary as Record<string, number[]>;
  expect(train[0]).toBeGreaterThan(0.95);
  expect(train[1]).toBeGreaterThan(0.9);
  expect(testAccuracy[0]).toBeGreaterThan(0.6);
  expect(testAccuracy[1]).toBeLessThan(0.2);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Memorization vs generalization');
}, 120_000);

// A run whose training accuracy per epoch is `curve`.
const runOf = (curve: number[]): ClassifierRun => ({
  name: 'run',
  epochs: curve.map((train_acc, index) => ({
    epoch: index + 1,
    train_loss: 0,
    train_acc,
    test_loss: 0,
    test_acc: 0.1,
  })),
  batchLosses: [],
  testAccuracy: 0.1,
  trainAccuracy: curve.at(-1) ?? 0,
  stopReason: null,
});

test('fully random labels fitted later than true ones agree with Zhang et al.; the caption says so', () => {
  const runs = [
    { fraction: 0, run: runOf([0.9, 1, 1, 1]) },
    { fraction: 1, run: runOf([0.1, 0.5, 0.9, 1]) },
  ];
  expect(judgeRandomLabels(runs).isAgreeing).toBe(true);
  expect(fitCaption(runs, 4)).toContain('the fully random labels took 4 epochs against 2 for the true ones');
});

test('random labels never fitted differ from the source, and the caption names them', () => {
  const runs = [
    { fraction: 0, run: runOf([0.9, 1, 1]) },
    { fraction: 1, run: runOf([0.1, 0.5, 0.9]) },
  ];
  expect(judgeRandomLabels(runs).isAgreeing).toBe(false);
  expect(fitCaption(runs, 3)).toBe(
    'Here 100% random did not reach 100.00% training accuracy within 3 epochs.',
  );
});
