import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { forgetting } from './forgetting';

const silent = { stream: process.stderr, log: () => {} };

test('forgetting: plain training forgets task A after learning B, EWC retains much more of it', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-forgetting-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: forgetting as never,
      size: 'quick',
      params: {
        trainSamples: 2000,
        testSamples: 1000,
        hidden: [128],
        epochsPerTask: 5,
        lambda: 10_000,
        fisherSamples: 200,
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const summary = outcome.summary as Record<string, Record<string, number>>;
  expect(summary.after_a.A).toBeGreaterThan(0.8);
  expect(summary.after_a.B).toBeLessThan(0.3);
  // Plain training loses much of A; EWC keeps clearly more, and both learn B.
  expect(summary.after_a.A - summary.plain_after_b.A).toBeGreaterThan(0.05);
  expect(summary.ewc_after_b.A - summary.plain_after_b.A).toBeGreaterThan(0.05);
  expect(summary.plain_after_b.B).toBeGreaterThan(0.7);
  expect(summary.ewc_after_b.B).toBeGreaterThan(0.5);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Accuracy on both tasks while learning A, then B');
}, 180_000);
