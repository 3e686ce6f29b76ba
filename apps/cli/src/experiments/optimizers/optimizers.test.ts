import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ClassifierRun } from '../support/train-classifier';
import { optimizers } from './optimizers';
import { judgeOptimizers, mnistCaption } from './optimizers-verdict';

const silent = { stream: process.stderr, log: () => {} };

// End to end on a reduced size: SGD zig-zags across the steep direction of x²/20 + y² and is the
// slowest of the four on MNIST; AdaGrad and Adam lower the loss fastest.
test('optimizers: SGD zig-zags and trains slowest; AdaGrad and Adam lead', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-optimizers-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: optimizers as never,
      size: 'quick',
      params: { train: 2000, test: 500, epochs: 1, batchSize: 25, hidden: [32, 32] },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const rows = readFileSync(join(outDir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const sgdY = rows
    .filter((row) => row.part === 'path' && row.optimizer === 'SGD')
    .map((row) => row.y as number);
  expect(sgdY).toHaveLength(31);
  const signChanges = sgdY.slice(1).filter((y, i) => Math.sign(y) !== Math.sign(sgdY[i])).length;
  expect(signChanges).toBeGreaterThanOrEqual(27);
  const distance = outcome.summary.path_distance as Record<string, number>;
  expect(distance.AdaGrad).toBeLessThan(distance.SGD / 2);
  const loss = outcome.summary.final_loss as Record<string, number>;
  expect(loss.SGD).toBeGreaterThan(1.3 * loss.Adam);
  expect(loss.SGD).toBeGreaterThan(1.3 * loss.AdaGrad);
  expect(loss.Momentum).toBeLessThan(loss.SGD);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html.match(/class="contour"/g)?.length).toBe(5 * 12);
  expect(html).toContain('MNIST training loss');
  expect(html).toMatch(/<p class="headline">From \(−7, 2\) on f\(x, y\) = x²\/20 \+ y²/);
});

const finished = (name: string, loss: number): ClassifierRun => ({
  name,
  epochs: [],
  batchLosses: [[1, loss]],
  testAccuracy: 0.9,
  trainAccuracy: Number.NaN,
  stopReason: null,
});

test('judgeOptimizers and the caption agree with the book when SGD ends with the highest loss', () => {
  const runs = [
    finished('SGD', 0.3),
    finished('Momentum', 0.1),
    finished('AdaGrad', 0.05),
    finished('Adam', 0.06),
  ];
  expect(judgeOptimizers(runs).isAgreeing).toBe(true);
  expect(mnistCaption(runs)).toBe('Here SGD ended with the highest loss (0.3000), as in the book.');
});

test('judgeOptimizers differs and the caption names the slowest when it is not SGD', () => {
  const runs = [
    finished('SGD', 0.1),
    finished('Momentum', 0.4),
    finished('AdaGrad', 0.05),
    finished('Adam', 0.06),
  ];
  expect(judgeOptimizers(runs).isAgreeing).toBe(false);
  expect(mnistCaption(runs)).toBe('Here Momentum, not SGD, ended with the highest loss (0.4000).');
});
