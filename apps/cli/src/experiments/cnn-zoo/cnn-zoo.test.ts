import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { cnnZoo } from './cnn-zoo';
import { judgeLenet } from './cnn-zoo-report';

const silent = { stream: process.stderr, log: () => {} };

test('cnn-zoo: LeNet-5 learns MNIST and a 32×32 net learns the shapes well above chance', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-cnn-zoo-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: cnnZoo as never,
      size: 'quick',
      params: {
        ...{ mnistTrain: 1000, mnistTest: 500, lenetEpochs: 2 },
        ...{ shapesTrain: 1000, shapesTest: 400, shapesEpochs: 4, shapeClasses: 4, nets: ['VGG-style'] },
        ...{ batchSize: 16, lr: 2e-3 },
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const summary = outcome.summary as Record<string, { parameters: number; test_acc: number }>;
  expect(summary['LeNet-5'].parameters).toBe(61_706);
  expect(summary['LeNet-5'].test_acc).toBeGreaterThan(0.7);
  // Chance is 1/4 on four shape classes (the test trains one of the three nets, to stay short).
  expect(summary['VGG-style'].parameters).toBe(91_788);
  expect(summary['VGG-style'].test_acc).toBeGreaterThan(0.5);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Models, parameter counts and accuracy');
  expect(html).toContain('Two test images per class');
  expect(html).toContain('Against the source');
  expect(html).toContain('scaled down from the source');
}, 180_000);

test('judgeLenet agrees with LeCun et al. at 99.0% test accuracy and differs below it', () => {
  expect(judgeLenet([{ name: 'LeNet-5', testAccuracy: 0.9914 }], 60_000).isAgreeing).toBe(true);
  const below = judgeLenet([{ name: 'LeNet-5', testAccuracy: 0.967 }], 20_000);
  expect(below.isAgreeing).toBe(false);
  expect(below.measured).toContain('LeNet-5 96.70%');
  expect(below.criterion).toContain('99.00%');
});

test('judgeLenet names every variant, and agrees when one of them reaches 99.0%', () => {
  const verdict = judgeLenet(
    [
      { name: 'LeNet-5', testAccuracy: 0.9893 },
      { name: 'LeNet-5, ReLU + max-pool', testAccuracy: 0.9912 },
    ],
    60_000,
  );
  expect(verdict.isAgreeing).toBe(true);
  expect(verdict.measured).toBe(
    'LeNet-5 98.93%, LeNet-5, ReLU + max-pool 99.12% test accuracy after training on 60,000 digits',
  );
});
