import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { runExperiment } from '../run-experiment';
import type { ClassifierRun } from '../support/train-classifier';
import { overfitMlp } from './overfit-mlp';
import { overfitting } from './overfitting';
import { judgeOverfitting, overfittingCaption } from './overfitting-report';

const silent = { stream: process.stderr, log: () => {} };

test('overfitMlp has a Dropout after every hidden ReLU only when asked', () => {
  const names = (dropout: number) =>
    overfitMlp([8, 8], dropout, 0)
      .modules()
      .map((m) => m.constructor.name);
  expect(names(0).filter((n) => n === 'Dropout')).toHaveLength(0);
  expect(names(0.2).filter((n) => n === 'Dropout')).toHaveLength(2);
  expect(overfitMlp([8], 0, 0).call(zeros([2, 1, 28, 28])).shape).toEqual([2, 10]);
});

// End to end on a reduced size: the unregularized net memorizes its few samples (high training
// accuracy, a wide train-test gap); weight decay and dropout both narrow the gap.
test('overfitting: the plain net opens the widest train-test gap; weight decay and dropout narrow it', async () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'nagare-overfitting-')), 'run');
  const outcome = await runExperiment(
    {
      experiment: overfitting as never,
      size: 'quick',
      params: { train: 200, test: 200, epochs: 30, batchSize: 25, hidden: [32, 32, 32, 32, 32, 32] },
      seed: 0,
      outDir,
      backend: 'wasm',
      threads: 1,
    },
    silent,
  );
  const { plain, weight_decay: decay, dropout } = outcome.summary as Record<string, Record<string, number>>;
  expect(plain.train_acc).toBeGreaterThan(0.7);
  expect(plain.gap).toBeGreaterThan(decay.gap + 0.03);
  expect(plain.gap).toBeGreaterThan(dropout.gap + 0.03);
  const html = readFileSync(outcome.reportPath, 'utf8');
  expect(html).toMatch(/<p class="headline">Trained on only 200 MNIST digits for 30 epochs/);
  expect(html.match(/<polyline/g)).toHaveLength(6);
});

const ended = (name: string, train: number, test: number): ClassifierRun => ({
  name,
  epochs: [{ epoch: 200, train_loss: 0, train_acc: train, test_loss: 0, test_acc: test }],
  batchLosses: [],
  testAccuracy: test,
  trainAccuracy: train,
  stopReason: null,
});

test('the caption and verdict follow the gaps: plain overfits and both regularizers narrow it', () => {
  const plain = ended('no regularization', 1, 0.75);
  const regularized = [ended('weight decay', 0.9, 0.78), ended('dropout', 0.95, 0.77)];
  expect(overfittingCaption(plain, regularized)).toBe(
    'here the plain net overfit: 100.00% on its training digits, a gap of 25.0 points to the test digits; both regularizers narrowed the gap.',
  );
  expect(judgeOverfitting(plain, regularized).isAgreeing).toBe(true);
});

test('the caption says when the plain net did not overfit or a regularizer did not narrow the gap', () => {
  const plain = ended('no regularization', 0.8, 0.74);
  const regularized = [ended('weight decay', 0.9, 0.7), ended('dropout', 0.7, 0.68)];
  expect(overfittingCaption(plain, regularized)).toBe(
    'here the plain net did not overfit by this measure (training accuracy 80.00%, gap 6.0 points); only dropout narrowed the gap.',
  );
  expect(judgeOverfitting(plain, regularized).isAgreeing).toBe(false);
});
