import { SGD } from '@nagare/optimizers';
import { ArgumentError, assign, fullLike, memory, tidy } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import type { Callback, EpochLogs, TrainContext } from './callback';
import { earlyStopping } from './early-stopping';

function logs(epoch: number, metrics: Record<string, number>): EpochLogs {
  return { epoch, lr: 0.1, seconds: 1, samples: 10, samplesPerSecond: 10, metrics };
}

test('stops after `patience` epochs without improvement and restores the best weights', async () => {
  const model = tinyMlp();
  const stops: string[] = [];
  const context = {
    model,
    stop: (message: string) => void stops.push(message),
    stopReason: null,
  } as unknown as TrainContext;
  const callback = earlyStopping({ monitor: 'val_loss', patience: 2 });
  const weightsAt: number[][] = [];
  const losses = [1, 0.8, 0.9, 0.85];
  for (const [i, loss] of losses.entries()) {
    // Pretend each epoch changed the first weight to a known value.
    const weight = model.parameters()[0];
    tidy(() => assign(weight, fullLike(weight, i)));
    weightsAt.push(Array.from(weight.dataSync()));
    callback.onEpochEnd?.(context, logs(i + 1, { loss: 0, val_loss: loss }));
  }
  expect(stops).toEqual(['val_loss has not improved for 2 epochs (best 0.8 at epoch 2)']);
  expect(callback.best).toBe(0.8);
  expect(callback.bestEpoch).toBe(2);
  const stopped = { ...context, stopReason: { by: 'earlyStopping', message: stops[0] } } as TrainContext;
  const before = memory().tensors;
  callback.onTrainEnd?.(stopped, { epochs: [], step: 0, stopReason: null });
  expect(Array.from(model.parameters()[0].dataSync())).toEqual(weightsAt[1]);
  // The snapshot of the best weights (one copy per parameter) is freed at the end of training.
  expect(memory().tensors).toBe(before - model.parameters().length);
  model.dispose();
});

test('inside fit: mode auto, stop reason, and only its own stop restores weights', async () => {
  const model = tinyMlp();
  let afterFirstEpoch: number[] = [];
  const recorder: Callback = {
    onEpochEnd: (context, { epoch }) => {
      if (epoch === 1) afterFirstEpoch = Array.from(context.model.parameters()[0].dataSync());
    },
  };
  // An accuracy must rise by more than 2 to count: no epoch after the first improves.
  const history = await fit(model, {
    train: blobData(32),
    optimizer: new SGD(model.parameters(), { lr: 0.5 }),
    loss: crossEntropy,
    epochs: 10,
    batchSize: 16,
    metrics: ['accuracy'],
    callbacks: [recorder, earlyStopping({ monitor: 'accuracy', patience: 3, minDelta: 2 })],
  });
  expect(history.epochs).toHaveLength(4);
  expect(history.stopReason?.by).toBe('earlyStopping');
  expect(Array.from(model.parameters()[0].dataSync())).toEqual(afterFirstEpoch);
  expect(() => earlyStopping({ patience: -1 })).toThrow(ArgumentError);
  const missing = earlyStopping({ monitor: 'val_f1' });
  await expect(
    fit(model, {
      train: blobData(16),
      optimizer: new SGD(model.parameters(), { lr: 0.1 }),
      loss: crossEntropy,
      epochs: 1,
      callbacks: [missing],
    }),
  ).rejects.toThrow(/monitor "val_f1" is not logged \(logged: loss\)/);
  model.dispose();
});
