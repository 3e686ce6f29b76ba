import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { grad } from '@nagare/autograd';
import { sum, type Tensor, tensor, zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ActivationChoice } from './activation-mlp';
import { ACTIVATION_CHOICES, activationMlp } from './activation-mlp';
import { activations } from './activations';
import type { ActivationRun } from './activations-report';
import { deepSection, judgeCos } from './activations-verdict';
import { StraightThroughStep } from './straight-through-step';

const silent = { stream: process.stderr, log: () => {} };

test('the straight-through step is a step forward and passes gradients where |x| ≤ 1', () => {
  const layer = new StraightThroughStep();
  expect(layer.call(tensor([-2, -0.5, 0.5, 2])).toArray()).toEqual([0, 0, 1, 1]);
  const gradient = grad((x: Tensor) => sum(layer.call(x)))(tensor([-2, -0.5, 0.5, 2]));
  expect(gradient.toArray()).toEqual([0, 1, 1, 0]);
});

test('every activation builds the same MLP shape; maxout has twice the hidden weights', () => {
  const counts = ACTIVATION_CHOICES.map((activation) => {
    const model = activationMlp(activation, [8], 0);
    expect(model.call(zeros([2, 1, 28, 28])).shape).toEqual([2, 10]);
    const count = model.numParameters();
    model.dispose();
    return [activation, count] as const;
  });
  const plain = 784 * 8 + 8 + 8 * 10 + 10;
  expect(Object.fromEntries(counts)).toMatchObject({
    relu: plain,
    prelu: plain + 1,
    maxout: plain + 784 * 8 + 8,
  });
});

// End to end on a reduced size: the qualitative result of the lecture is that sigmoid learns far
// more slowly than the rectifiers, and that a step unit can learn with a straight-through gradient.
test('activations: ReLU and ELU beat sigmoid by a wide margin; the straight-through step learns', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-activations-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: activations as never,
      size: 'quick',
      params: {
        train: 2000,
        test: 1000,
        epochs: 2,
        hidden: [32],
        activations: ['sigmoid', 'relu', 'elu', 'step'],
        deepLayers: 2,
        deepActivations: ['relu'],
      },
      seed: 0,
      outDir,
      backend: 'js',
      threads: 1,
    },
    silent,
  );
  const accuracy = outcome.summary.test_acc as Record<string, number>;
  expect(accuracy.relu).toBeGreaterThan(accuracy.sigmoid + 0.05);
  expect(accuracy.elu).toBeGreaterThan(accuracy.sigmoid + 0.05);
  expect(accuracy.step).toBeGreaterThan(0.5); // chance is 0.1
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toMatch(/<p class="headline">The same MLP 784-32-10 .*ReLU \d+\.\d+%/);
  expect(html).toContain('epochs to 97.00%');
  expect(html).toContain('Training loss (mean over windows of batches)');
  expect(html.match(/<polyline/g)?.length).toBeGreaterThanOrEqual(8);
  const rows = readFileSync(join(outDir, 'metrics.jsonl'), 'utf8').trim().split('\n');
  expect(rows).toHaveLength(4 * 2 + 1 + 2);
});

const fakeRun = (activation: ActivationChoice, testAccuracy: number): ActivationRun => ({
  activation,
  parameters: 1,
  run: {
    name: activation,
    epochs: [],
    batchLosses: [],
    testAccuracy,
    trainAccuracy: Number.NaN,
    stopReason: null,
  },
});

test('judgeCos agrees when shallow cos matches ReLU and deep cos fails; the caption follows the numbers', () => {
  const shallow = [fakeRun('relu', 0.975), fakeRun('cos', 0.97)];
  const failed = [fakeRun('relu', 0.95), fakeRun('cos', 0.11)];
  expect(judgeCos(shallow, failed, 11).isAgreeing).toBe(true);
  expect(deepSection(failed, 11).caption).toContain('here cos fell 84.00% behind ReLU');
});

test('judgeCos differs when deep cos trains; the caption then says it did not fail', () => {
  const shallow = [fakeRun('relu', 0.975), fakeRun('cos', 0.97)];
  const trained = [fakeRun('relu', 0.95), fakeRun('cos', 0.93)];
  expect(judgeCos(shallow, trained, 11).isAgreeing).toBe(false);
  expect(deepSection(trained, 11).caption).toContain('in this run it did not fail');
  expect(
    judgeCos([fakeRun('relu', 0.97), fakeRun('cos', 0.9)], [fakeRun('relu', 0.95), fakeRun('cos', 0.1)], 11)
      .isAgreeing,
  ).toBe(false);
});
