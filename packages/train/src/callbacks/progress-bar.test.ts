import { SGD } from '@nagare/optimizers';
import { expect, test } from 'vitest';
import { fit } from '../fit';
import { blobData, crossEntropy, tinyMlp } from '../test-support/toy';
import { formatBatchLine, formatEpochLine, progressBar } from './progress-bar';

test('formats a batch line and an epoch summary', () => {
  const batch = {
    epoch: 2,
    batch: 36,
    batches: 120,
    step: 156,
    size: 32,
    loss: 0.41,
    seconds: 3,
    samplesPerSecond: 1234.4,
    metrics: { loss: 0.41234, accuracy: 0.875 },
  };
  expect(formatBatchLine(batch, 10, 10)).toBe(
    'epoch 2/10  37/120 [==>       ] loss 0.4123  accuracy 0.8750  1,234 samples/s',
  );
  expect(formatBatchLine({ ...batch, batch: 119 }, 10, 4)).toBe(
    'epoch 2/10  120/120 [====] loss 0.4123  accuracy 0.8750  1,234 samples/s',
  );
  const epoch = {
    epoch: 2,
    lr: 0.001,
    seconds: 4.21,
    samples: 3840,
    samplesPerSecond: 11020,
    metrics: { loss: 0.3012, val_loss: 0.33011 },
  };
  expect(formatEpochLine(epoch, 10)).toBe(
    'epoch 2/10  loss 0.3012  val_loss 0.3301  lr 0.00100  4.2s  11,020 samples/s',
  );
});

test('draws one updating line per epoch with samples/s, then the summary', async () => {
  const chunks: string[] = [];
  const model = tinyMlp();
  await fit(model, {
    train: blobData(40),
    optimizer: new SGD(model.parameters(), { lr: 0.1 }),
    loss: crossEntropy,
    epochs: 2,
    batchSize: 10,
    metrics: ['accuracy'],
    callbacks: [progressBar({ write: (text) => void chunks.push(text), refreshMs: 0 })],
  });
  const lines = chunks.join('').split('\n');
  expect(lines).toHaveLength(3);
  expect(lines[2]).toBe('');
  // Every batch redraws the line in place; the epoch summary overwrites it.
  const redraws = lines[0].split('\r').filter(Boolean);
  expect(redraws.slice(0, 4).map((r) => r.slice(0, 17))).toEqual([
    'epoch 1/2  1/4 [=',
    'epoch 1/2  2/4 [=',
    'epoch 1/2  3/4 [=',
    'epoch 1/2  4/4 [=',
  ]);
  expect(redraws[1]).toMatch(/loss \d\.\d{4} {2}accuracy \d\.\d{4} {2}[\d,]+ samples\/s/);
  expect(redraws[4]).toMatch(
    /^epoch 1\/2 {2}loss \d\.\d{4} {2}accuracy \d\.\d{4} {2}lr 0\.100 {2}\d+\.\ds {2}[\d,]+ samples\/s\s*$/,
  );
  expect(lines[1].split('\r').filter(Boolean).at(-1)).toMatch(/^epoch 2\/2 {2}loss/);
  model.dispose();
});
