import { expect, test } from 'vitest';
import { epochSummary } from './progress-callback';

test('epochSummary puts an epoch on one line with losses, accuracies, lr, time and throughput', () => {
  const line = epochSummary(
    {
      epoch: 3,
      lr: 8.1e-4,
      seconds: 14.21,
      samples: 55000,
      samplesPerSecond: 4221.4,
      metrics: { loss: 0.07123, accuracy: 0.97812, val_loss: 0.0801, val_accuracy: 0.976 },
    },
    10,
  );
  expect(line).toBe(
    'epoch  3/10  loss 0.07123  acc 97.81%  val_loss 0.08010  val_acc 97.60%  lr 8.1e-4  14.2s  4,221 samples/s',
  );
  expect(line).not.toContain('\n');
});
