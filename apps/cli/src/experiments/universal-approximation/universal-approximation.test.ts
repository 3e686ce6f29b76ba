import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { universalApproximation } from './universal-approximation';

const silent = { stream: process.stderr, log: () => {} };

test('universal-approximation: a wider hidden layer fits every target more closely', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-uat-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: universalApproximation as never,
      size: 'quick',
      params: { widths: [2, 32], samples: 128, steps: 1500, gridPoints: 101 },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const mse = (outcome.summary as { mse: Record<string, number[]> }).mse;
  // A step is nearly one steep sigmoid, so two units already fit it fairly well: a smaller margin.
  for (const target of ['sin', 'step', 'bump']) {
    const [narrow, wide] = mse[target];
    expect(wide).toBeLessThan(0.75 * narrow);
  }
  expect(mse.sin[1]).toBeLessThan(mse.sin[0] / 10);
  expect(mse.bump[1]).toBeLessThan(mse.bump[0] / 2);
  expect(mse.sin[1]).toBeLessThan(0.01);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Fitted curves');
  expect(html).toContain('sin(πx)');
}, 120_000);
