import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobs, trainValSplit } from '@nagare/data';
import { Linear, ReLU, Sequential } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { expect, test } from 'vitest';
import { lineChart } from '../report/line-chart';
import { runInProcess } from '../test-support/run-in-process';
import { defineExperiment } from './experiment';
import { EXPERIMENTS } from './registry';
import { runExperiment } from './run-experiment';
import { trainClassifier } from './support/train-classifier';

const silent = { stream: process.stderr, log: () => {} };

// A tiny experiment of the same shape as the real ones: train, record per epoch, report.
const blobsExperiment = defineExperiment({
  name: 'blobs-demo',
  description: 'a two-layer net on three Gaussian blobs',
  sizes: { quick: { epochs: 2, lr: 0.1 }, default: { epochs: 4, lr: 0.1 }, full: { epochs: 8, lr: 0.1 } },
  source: { citation: 'A textbook', setting: 'three blobs, 8 epochs', figure: 'above 90% accuracy' },
  async run(context) {
    const { train, val } = trainValSplit(blobs(300, { seed: 1 }), { val: 0.3, seed: 1 });
    const model = new Sequential(new Linear(2, 16, { seed: 1 }), new ReLU(), new Linear(16, 3, { seed: 2 }));
    const run = await trainClassifier(context, {
      name: 'mlp',
      model,
      optimizer: new SGD(model.parameters(), { lr: context.params.lr }),
      train,
      test: val,
      epochs: context.params.epochs,
      batchSize: 32,
      seed: context.seed,
      measureTrain: true,
      lossEvery: 2,
    });
    model.dispose();
    const points = run.epochs.map((e) => [e.epoch, e.test_acc] as const);
    return {
      headline: `The net reached ${(run.testAccuracy * 100).toFixed(1)}% on held-out blobs.`,
      sections: [
        {
          title: 'Accuracy',
          html: lineChart({
            title: 'acc',
            xLabel: 'epoch',
            yLabel: 'acc',
            series: [{ name: 'test', points }],
          }),
        },
      ],
      summary: { test_acc: run.testAccuracy, batch_losses: run.batchLosses.length },
      verdict: {
        measured: `${(run.testAccuracy * 100).toFixed(1)}%`,
        isAgreeing: run.testAccuracy > 0.9,
        criterion: 'agrees above 90%',
      },
    };
  },
});

test('runExperiment writes config.json, a metrics row per epoch plus the result, and the report', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-experiment-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: blobsExperiment as never,
      size: 'default',
      params: { epochs: 5, lr: 0.3 },
      seed: 0,
      outDir,
      backend: 'js',
      threads: 1,
    },
    silent,
  );
  const config = JSON.parse(readFileSync(join(outDir, 'config.json'), 'utf8'));
  expect(config).toMatchObject({
    experiment: 'blobs-demo',
    size: 'default',
    backend: 'js',
    params: { epochs: 5, lr: 0.3 },
  });
  const rows = readFileSync(join(outDir, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
  expect(rows.map((row) => row.epoch)).toEqual([1, 2, 3, 4, 5, undefined]);
  expect(rows[0]).toMatchObject({ run: 'mlp' });
  expect(rows[4].train_acc).toBeGreaterThan(0.9);
  expect(rows[5].result.test_acc).toBe(outcome.summary.test_acc);
  expect(outcome.summary.test_acc).toBeGreaterThan(0.9);
  // 5 epochs of ceil(210 / 32) = 7 batches: every 2nd step's loss is kept.
  expect(rows[5].result.batch_losses).toBe(17);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain(`<p class="headline">${outcome.headline}</p>`);
  expect(html).toContain('<th>epochs</th><td>5</td>');
  // The source comparison: a section in the report and the result row's `comparison`.
  expect(rows[5].result.comparison).toMatchObject({
    citation: 'A textbook',
    size: 'default',
    follows_source: false,
    agrees: true,
    criterion: 'agrees above 90%',
  });
  expect(html).toContain('Against the source');
  expect(html).toContain(
    'This run is the default size, scaled down from the source&#39;s setting (three blobs, 8 epochs)',
  );
});

test('every experiment names its source, the setting its full size follows and the figure it compares with', () => {
  for (const experiment of EXPERIMENTS) {
    expect(experiment.source.citation.length, experiment.name).toBeGreaterThan(10);
    expect(experiment.source.setting.length, experiment.name).toBeGreaterThan(10);
    expect(experiment.source.figure.length, experiment.name).toBeGreaterThan(10);
  }
});

test('nagare experiment without a name lists the experiments', async () => {
  const result = await runInProcess(['experiment']);
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^experiment +description/m);
  expect(result.stdout).toContain('nagare experiment <name>');
});

test('nagare experiment rejects an unknown name and --quick with --full', async () => {
  const unknown = await runInProcess(['experiment', 'no-such-experiment']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toMatch(/no-such-experiment: unknown experiment/);
  const both = await runInProcess(['experiment', 'no-such-experiment', '--quick', '--full']);
  expect(both.code).toBe(2);
  expect(both.stderr).toMatch(/--quick: choose one of --quick and --full/);
});

test('the README has a section for every experiment', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const experiment of EXPERIMENTS) expect(readme).toContain(`### \`${experiment.name}\``);
});
