import { reduceLrOnPlateau, SGD, stepLr } from '@nagare/optimizers';
import { ArgumentError } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import type { Callback } from './callback';
import { lrScheduler } from './lr-scheduler';

async function lrsOf(scheduler: Callback, epochs = 4) {
  const model = tinyMlp();
  const perStep: number[] = [];
  const history = await fit(model, {
    train: blobData(32),
    optimizer: new SGD(model.parameters(), { lr: 1 }),
    loss: crossEntropy,
    epochs,
    batchSize: 16,
    callbacks: [scheduler, { onBatchBegin: (context) => void perStep.push(context.optimizer.lr) }],
  });
  model.dispose();
  return { perStep, perEpoch: history.epochs.map((e) => e.lr) };
}

test('a step schedule is evaluated at the optimizer step count', async () => {
  const { perStep } = await lrsOf(lrScheduler(stepLr({ lr: 0.1, stepSize: 3, gamma: 0.5 })), 2);
  expect(perStep).toEqual([0.1, 0.1, 0.1, 0.05]);
});

test('an epoch schedule is set at the start of each epoch', async () => {
  const { perEpoch, perStep } = await lrsOf(
    lrScheduler((epoch) => [0.3, 0.2, 0.1][epoch] ?? 0.05, { unit: 'epoch' }),
  );
  expect(perEpoch).toEqual([0.3, 0.2, 0.1, 0.05]);
  expect(perStep).toEqual([0.3, 0.3, 0.2, 0.2, 0.1, 0.1, 0.05, 0.05]);
});

test('a plateau schedule is told the monitored value after each epoch', async () => {
  // No loss ever beats the previous best by 90 %, so each epoch after the first halves the lr.
  const plateau = reduceLrOnPlateau(0.08, { patience: 0, factor: 0.5, threshold: 0.9 });
  const { perEpoch } = await lrsOf(lrScheduler(plateau, { monitor: 'loss' }));
  expect(perEpoch).toEqual([0.08, 0.08, 0.04, 0.02]);
  expect(lrScheduler(plateau).stateDict?.().values).toMatchObject({ scale: 0.125 });
});

test('bad arguments are rejected', () => {
  expect(() => lrScheduler(0.1 as never)).toThrow(ArgumentError);
  expect(() => lrScheduler(() => 0.1, { unit: 'batch' as 'step' })).toThrow(/unit/);
});
