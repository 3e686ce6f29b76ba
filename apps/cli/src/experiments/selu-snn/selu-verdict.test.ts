import { zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import type { ClassifierRun } from '../support/train-classifier';
import type { NetResult } from './selu-report';
import type { CnnResult } from './selu-steps';
import { judgeSelu, momentsCaption } from './selu-verdict';
import { snnPaperCnn } from './snn-cnn';

const run = (testAccuracy: number, trainLoss = 0.1): ClassifierRun => ({
  name: 'net',
  epochs: [
    { epoch: 1, train_loss: trainLoss, train_acc: Number.NaN, test_loss: 0.1, test_acc: testAccuracy },
  ],
  batchLosses: [],
  testAccuracy,
  trainAccuracy: Number.NaN,
  stopReason: null,
});
const net = (kind: NetResult['kind'], depth: number, loss: number, variance = 1): NetResult => ({
  kind,
  depth,
  run: run(0.9, loss),
  atInit: [{ mean: 0, variance: 1 }],
  trained: [{ mean: 0.05, variance }],
});
const cnn = (activation: CnnResult['activation'], seed: number, accuracy: number): CnnResult => ({
  activation,
  seed,
  run: run(accuracy),
});

test('judgeSelu agrees when the CNNs tie and the deepest SNN trains at least as well as ReLU+BN', () => {
  const cnns = [cnn('SELU', 0, 0.992), cnn('ReLU', 0, 0.991), cnn('SELU', 1, 0.991), cnn('ReLU', 1, 0.993)];
  const deep = [net('SNN', 8, 0.5), net('ReLU+BN', 8, 0.3), net('SNN', 32, 0.1), net('ReLU+BN', 32, 0.2)];
  const verdict = judgeSelu(deep, cnns);
  expect(verdict.isAgreeing).toBe(true);
  expect(verdict.measured).toContain('SELU 99.15 ± 0.07%');
  expect(verdict.measured).toContain('depth 32');
});

test('judgeSelu differs when ReLU is well ahead in the CNN or the deepest SNN trains worse', () => {
  const deep = [net('SNN', 16, 0.1), net('ReLU+BN', 16, 0.2)];
  expect(judgeSelu(deep, [cnn('SELU', 0, 0.95), cnn('ReLU', 0, 0.97)]).isAgreeing).toBe(false);
  const worse = [net('SNN', 16, 0.4), net('ReLU+BN', 16, 0.2)];
  expect(judgeSelu(worse, [cnn('SELU', 0, 0.97), cnn('ReLU', 0, 0.97)]).isAgreeing).toBe(false);
  const diverged = [net('SNN', 16, Number.NaN), net('ReLU+BN', 16, 0.2)];
  expect(judgeSelu(diverged, [cnn('SELU', 0, 0.97), cnn('ReLU', 0, 0.97)]).isAgreeing).toBe(false);
});

test('the moments caption says whether the SNN stayed near its fixed point, from the numbers', () => {
  expect(momentsCaption([net('SNN', 8, 0.1, 1.1)], 8)).toMatch(
    /stayed near it \(variance 1\.10* to 1\.10*\)/,
  );
  expect(momentsCaption([net('SNN', 8, 0.1, 4)], 8)).toMatch(/moved away from it \(variance 4(\.0*)? to 4/);
});

test("snnPaperCnn is the paper's CNN shape: two 3×3 convolutions, a pool and two dense layers", () => {
  const model = snnPaperCnn('SELU', { channels: [32, 64], hidden: 128, dropout: 0.05, seed: 0 });
  const parameters = 32 * 9 + 32 + 64 * 32 * 9 + 64 + 64 * 12 * 12 * 128 + 128 + 128 * 10 + 10;
  expect(model.numParameters()).toBe(parameters);
  expect(model.call(zeros([2, 1, 28, 28])).shape).toEqual([2, 10]);
});
