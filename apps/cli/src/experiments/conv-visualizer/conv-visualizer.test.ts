import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { convVisualizer } from './conv-visualizer';

const silent = { stream: process.stderr, log: () => {} };

test('conv-visualizer: conv2d matches the hand arithmetic and LeNet-5 learns, with filters shown', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-conv-visualizer-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: convVisualizer as never,
      size: 'quick',
      params: { mnistTrain: 1000, mnistTest: 500, epochs: 1 },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const summary = outcome.summary as Record<string, number>;
  expect(summary.demo_values).toBe(18);
  expect(summary.demo_mismatches).toBe(0);
  expect(summary.lenet_test_acc).toBeGreaterThan(0.6);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Step 18 of 18');
  expect(html).toContain('LeNet-5: first-layer filters before and after training');
}, 120_000);
