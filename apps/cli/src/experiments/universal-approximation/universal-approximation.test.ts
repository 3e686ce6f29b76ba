import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { FittedCurve } from './fit-curve';
import { universalApproximation } from './universal-approximation';
import { type Fits, fitCaption, judgeApproximation } from './universal-report';

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

const fitted = (mse: number) => ({ mse }) as FittedCurve;
const fitsOf = (sin: [number, number], step: [number, number]): Fits => ({
  sin: { 2: fitted(sin[0]), 128: fitted(sin[1]) },
  step: { 2: fitted(step[0]), 128: fitted(step[1]) },
});

test('judgeApproximation agrees when every target fits at least ten times better wide; the caption names the matches', () => {
  const fits = fitsOf([0.1, 1e-4], [0.2, 1e-2]);
  expect(judgeApproximation(fits, ['sin', 'step'], [2, 128]).isAgreeing).toBe(true);
  expect(fitCaption(fits, ['sin', 'step'], [2, 128])).toBe(
    'Here, counting an MSE of 1.0e-3 or less as a match, sin(πx) was matched from 128 units, step was matched by no width (best MSE 1.0e-2).',
  );
});

test('judgeApproximation differs when a target does not improve with width', () => {
  expect(judgeApproximation(fitsOf([0.1, 1e-4], [0.2, 0.1]), ['sin', 'step'], [2, 128]).isAgreeing).toBe(
    false,
  );
});
