import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { depthWidth } from './depth-width';

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
