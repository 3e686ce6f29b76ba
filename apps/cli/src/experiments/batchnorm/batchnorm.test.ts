import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ClassifierRun } from '../support/train-classifier';
import { batchnorm, logspace } from './batchnorm';
import { batchnormCaption, judgeBatchnorm } from './batchnorm-report';
import type { ScaleResult } from './batchnorm-steps';
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

const arm = (trainAccuracy: number): ClassifierRun => ({
  name: 'arm',
  epochs: [],
  batchLosses: [],
  testAccuracy: trainAccuracy,
  trainAccuracy,
  stopReason: null,
});
const scaleResult = (scale: number, plain: number, normalized: number): ScaleResult => ({
  scale,
  plain: arm(plain),
  normalized: arm(normalized),
});

test('the caption and verdict say BatchNorm helped when it ended well above the plain net at most scales', () => {
  const results = [scaleResult(1, 0.3, 0.9), scaleResult(0.1, 0.8, 0.95), scaleResult(0.01, 0.1, 0.85)];
  expect(batchnormCaption(results)).toBe(
    'here BatchNorm ended 5.00% or more above the plain net at 3 of 3 scales.',
  );
  expect(judgeBatchnorm(results).isAgreeing).toBe(true);
});

test('the caption says "here BatchNorm did not help" when it never ended ahead, and the verdict differs', () => {
  const results = [scaleResult(1, 0.9, 0.91), scaleResult(0.1, 0.95, 0.8)];
  expect(batchnormCaption(results)).toBe(
    'here BatchNorm did not help: at no scale did it end 5.00% or more above the plain net, and was that far below it at 1.',
  );
  expect(judgeBatchnorm(results).isAgreeing).toBe(false);
  expect(
    batchnormCaption([scaleResult(1, 0.2, 0.9), scaleResult(0.1, 0.9, 0.9), scaleResult(0.01, 0.9, 0.9)]),
  ).toBe('here BatchNorm helped at only 1 of 3 scales (by 5.00% or more).');
});
