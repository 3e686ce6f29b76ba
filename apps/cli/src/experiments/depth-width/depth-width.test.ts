import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ClassifierRun } from '../support/train-classifier';
import { depthWidth } from './depth-width';
import { judgeDepth, lossCaption } from './depth-width-report';
import type { DepthResult } from './depth-width-steps';

const silent = { stream: process.stderr, log: () => {} };

test('depth-width: at one budget a deep plain net trains worse than its residual twin', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-depth-width-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: depthWidth as never,
      size: 'quick',
      params: { trainSamples: 2000, testSamples: 500, budget: 30_000, depths: [2, 24], epochs: 3 },
      seed: 0,
      outDir,
      backend: 'js',
      threads: 1,
    },
    silent,
  );
  const { plain_test_acc: plain, residual_test_acc: residual } = outcome.summary as Record<string, number[]>;
  // The shallow nets learn; at depth 24 the plain net falls well behind the residual one.
  expect(plain[0]).toBeGreaterThan(0.6);
  expect(residual[1]).toBeGreaterThan(0.5);
  expect(residual[1] - plain[1]).toBeGreaterThan(0.2);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Test accuracy vs depth (fixed budget)');
  expect(html).toContain('Test accuracy vs width (fixed budget)');
}, 120_000);

const ran = (testAccuracy: number, loss: number): ClassifierRun => ({
  name: 'net',
  epochs: [{ epoch: 1, train_loss: loss, train_acc: Number.NaN, test_loss: 0, test_acc: testAccuracy }],
  batchLosses: [],
  testAccuracy,
  trainAccuracy: Number.NaN,
  stopReason: null,
});
const depth = (d: number, plain: [number, number], residual: [number, number]): DepthResult => ({
  depth: d,
  width: 10,
  parameters: 100,
  plain: ran(...plain),
  residual: ran(...residual),
});

test('judgeDepth agrees when the deepest plain net degrades and its residual twin does not', () => {
  const results = [depth(1, [0.95, 0.1], [0.95, 0.1]), depth(32, [0.3, 2], [0.95, 0.1])];
  expect(judgeDepth(results).isAgreeing).toBe(true);
  expect(lossCaption(results)).toContain(
    'its problem is optimization, not overfitting; its residual twin reached 0.1000.',
  );
});

test('judgeDepth differs when the deepest plain net trains as well; the caption says so', () => {
  const results = [depth(1, [0.95, 0.1], [0.95, 0.1]), depth(32, [0.94, 0.12], [0.95, 0.1])];
  expect(judgeDepth(results).isAgreeing).toBe(false);
  expect(lossCaption(results)).toContain('reduced its training loss about as far as the 1-layer one');
});
