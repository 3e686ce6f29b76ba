import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { vanishingGradients } from './vanishing-gradients';

const silent = { stream: process.stderr, log: () => {} };

test('vanishing-gradients: sigmoid and RNN gradients vanish, ReLU+He and residual ones do not, the LSTM learns what the RNN cannot', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-vanishing-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: vanishingGradients as never,
      size: 'quick',
      params: {
        gradientBatch: 64,
        bpttLength: 60,
        bpttHidden: 32,
        taskLength: 20,
        trainSequences: 1500,
        testSequences: 300,
        epochs: 8,
        clipEpochs: 1,
      },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const summary = outcome.summary as Record<string, never>;
  const layers = summary.first_over_last_layer as Record<string, number>;
  expect(layers.sigmoid).toBeLessThan(1e-6);
  expect(layers.tanh).toBeLessThan(1e-2);
  for (const kind of ['tanh-xavier', 'relu-he', 'residual']) {
    expect(layers[kind]).toBeGreaterThan(0.1);
    expect(layers[kind]).toBeLessThan(10);
  }
  const bptt = Object.values(summary.bptt_first_over_last as Record<string, number>);
  expect(bptt[0]).toBeLessThan(1e-4);
  expect(bptt[1]).toBeGreaterThan(1);
  // Without clipping the exploding RNN's loss blows up (or turns non-finite); clipped, it stays bounded.
  const unclipped = summary.unclipped_final_loss as number | null;
  const clipped = summary.clipped_final_loss as number;
  expect(summary.unclipped_stopped || (unclipped as number) > 100 * clipped).toBe(true);
  expect(clipped).toBeLessThan(1);
  const lstm = summary.lstm_test_mse as number;
  const rnn = summary.rnn_test_mse as number;
  expect(lstm).toBeLessThan(0.5 * rnn);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Gradient norm per layer at initialization');
  expect(html).toContain('Exploding gradients, with and without clipping');
}, 180_000);
