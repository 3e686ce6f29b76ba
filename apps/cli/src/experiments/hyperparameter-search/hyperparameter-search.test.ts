import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { hyperparameterSearch } from './hyperparameter-search';
import { judgeSearch, lrCaption } from './search-report';
import { narrowedSpace, rankRecords, type TrialRecord } from './search-rounds';

const silent = { stream: process.stderr, log: () => {} };

const record = (id: number, lr: number, valAccuracy: number): TrialRecord => ({
  id,
  round: 1,
  lr,
  weightDecay: 1e-6,
  valAccuracy,
  trainAccuracy: valAccuracy,
  curve: [],
});

test('rankRecords puts the best validation accuracy first and diverged trials last', () => {
  const ranked = rankRecords([record(1, 1e-3, 0.5), record(2, 1e-2, Number.NaN), record(3, 3e-3, 0.8)]);
  expect(ranked.map((r) => r.id)).toEqual([3, 1, 2]);
});

test('narrowedSpace spans the best trials, in log space, inside the original range', () => {
  const space = narrowedSpace([record(1, 1e-3, 0.8), record(2, 4e-3, 0.7), record(3, 1e-6, 0.1)], 2);
  expect(space.lr.min).toBeGreaterThan(1e-4);
  expect(space.lr.min).toBeLessThan(1e-3);
  expect(space.lr.max).toBeGreaterThan(4e-3);
  expect(space.lr.max).toBeLessThanOrEqual(1e-2);
});

// End to end on a reduced size: too small learning rates do not learn in a few epochs, the best
// trial has a large one, and the second round searches where the best trials were.
test('hyperparameter-search: small learning rates fail, the narrowed round samples the good region', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-search-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: hyperparameterSearch as never,
      size: 'quick',
      params: { samples: 500, trials: 10, narrowedTrials: 5, top: 3, epochs: 5, batchSize: 20, hidden: [64] },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const summary = outcome.summary as {
    best: { lr: number; val_acc: number };
    narrowed: { lr: [number, number] };
    best_val_acc_lr_below_1e4: number;
  };
  expect(summary.best.lr).toBeGreaterThan(1e-4);
  expect(summary.best.val_acc).toBeGreaterThan(summary.best_val_acc_lr_below_1e4 + 0.1);
  expect(summary.narrowed.lr[0]).toBeGreaterThan(1e-5);
  const rows = readFileSync(join(outDir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  const trials = rows.filter((row) => row.part === 'trial');
  expect(trials).toHaveLength(15);
  for (const trial of trials.filter((row) => row.round === 2)) {
    expect(trial.lr).toBeGreaterThanOrEqual(summary.narrowed.lr[0]);
    expect(trial.lr).toBeLessThanOrEqual(summary.narrowed.lr[1]);
  }
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Validation accuracy vs learning rate');
  expect(html.match(/<tr>/g)?.length).toBeGreaterThanOrEqual(15);
});

const trial = (id: number, lr: number, valAccuracy: number) =>
  ({ id, round: 1, lr, weightDecay: 1e-6, valAccuracy }) as TrialRecord;

test('judgeSearch agrees when the best trial has a learning rate in the book’s range; the caption counts them', () => {
  const records = [trial(0, 5e-3, 0.9), trial(1, 1e-5, 0.2), trial(2, 2e-3, 0.85)];
  expect(judgeSearch(records[0]).isAgreeing).toBe(true);
  expect(lrCaption(records, 2)).toBe(
    "Here 2 of the 2 best trials had a learning rate in the book's good range [1e-3, 1e-2].",
  );
});

test('judgeSearch differs when the best learning rate lies outside the book’s range', () => {
  expect(judgeSearch(trial(0, 5e-4, 0.9)).isAgreeing).toBe(false);
  expect(lrCaption([trial(0, 5e-4, 0.9)], 1)).toContain('Here 0 of the 1 best trials');
});
