import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import { forgetting } from './forgetting';
import { forgettingCaption, judgeForgetting } from './forgetting-report';
import type { ArmRun } from './forgetting-steps';

const silent = { stream: process.stderr, log: () => {} };

test('forgetting: plain training forgets task A after learning B, EWC retains much more of it, L2 runs too', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-forgetting-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: forgetting as never,
      size: 'quick',
      params: {
        trainSamples: 2000,
        testSamples: 1000,
        tasks: 2,
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
  type Scores = { earlier: number; newest: number };
  const summary = outcome.summary as {
    after_last: Record<'plain' | 'l2' | 'ewc', Scores>;
    after_each_task: Record<string, Record<string, number>[]>;
  };
  const afterA = summary.after_each_task.plain[0];
  expect(afterA.A).toBeGreaterThan(0.8);
  const { plain, ewc } = summary.after_last;
  // Plain training loses much of A; EWC keeps clearly more, and both learn B.
  expect(afterA.A - plain.earlier).toBeGreaterThan(0.05);
  expect(ewc.earlier - plain.earlier).toBeGreaterThan(0.05);
  expect(plain.newest).toBeGreaterThan(0.7);
  expect(ewc.newest).toBeGreaterThan(0.5);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toContain('Accuracy while learning the tasks in sequence');
  expect(html).toContain('after task B, L2');
}, 180_000);

// An arm that ends task A at `a` and, after task B, has `earlier` on A and `newest` on B.
const arm = (kind: ArmRun['kind'], earlier: number, newest: number): ArmRun => ({
  kind,
  epochs: [
    { epoch: 1, task: 'A', accuracy: { A: 0.95 } },
    { epoch: 2, task: 'B', accuracy: { A: earlier, B: newest } },
  ],
});

test('judgeForgetting agrees when EWC keeps the old task and learns the new; the caption says so', () => {
  const runs = [arm('plain', 0.5, 0.95), arm('L2', 0.8, 0.8), arm('EWC', 0.85, 0.93)];
  expect(judgeForgetting(runs, ['A', 'B']).isAgreeing).toBe(true);
  expect(forgettingCaption(runs, ['A', 'B'])).toBe(
    ' Here EWC kept 85.00% on the earlier tasks against 50.00% for plain training.',
  );
});

test('judgeForgetting differs when EWC forgets like plain training or fails to learn the new task', () => {
  const forgot = [arm('plain', 0.5, 0.95), arm('L2', 0.8, 0.8), arm('EWC', 0.55, 0.95)];
  expect(judgeForgetting(forgot, ['A', 'B']).isAgreeing).toBe(false);
  expect(forgettingCaption(forgot, ['A', 'B'])).toContain('did not keep the earlier tasks clearly better');
  const stiff = [arm('plain', 0.5, 0.95), arm('L2', 0.8, 0.8), arm('EWC', 0.9, 0.6)];
  expect(judgeForgetting(stiff, ['A', 'B']).isAgreeing).toBe(false);
});
