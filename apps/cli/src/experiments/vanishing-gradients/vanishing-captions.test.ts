import { expect, test } from 'vitest';
import { clipCaption, layerCaption } from './sections';
import type { SequenceRun } from './sequence-training';
import { judgeVanishing } from './vanishing-report';

const ended = (loss: number, stopReason: string | null = null) =>
  ({ losses: [[1, loss]], stopReason }) as unknown as SequenceRun;

test('layerCaption says the sigmoid gradient vanished and the ReLU and residual nets kept it level, from the ratios', () => {
  const caption = layerCaption({ sigmoid: [1e-6, 1], 'relu-he': [0.5, 1], residual: [2, 1] });
  expect(caption).toBe(
    "Here the sigmoid net's first layer got 1.0e-6× the last layer's gradient: it vanished; He-initialized ReLU and residual nets kept it within a factor of 10 across the layers.",
  );
});

test('layerCaption says when the gradient did not vanish and when no net kept it level', () => {
  const caption = layerCaption({ sigmoid: [0.5, 1], 'relu-he': [1e-3, 1], residual: [100, 1] });
  expect(caption).toContain('it did not vanish');
  expect(caption).toContain('neither the He-initialized ReLU nor the residual net kept it');
});

test('clipCaption follows the final losses and a stopped run', () => {
  expect(clipCaption(ended(5), ended(0.1))).toBe(
    'Here clipping ended at a lower loss (1.0e-1 against 5.0e+0).',
  );
  expect(clipCaption(ended(0.1), ended(0.2))).toContain('clipping did not end at a lower loss');
  expect(clipCaption(ended(Number.NaN, 'loss is NaN'), ended(0.2))).toContain('became non-finite');
});

test('judgeVanishing agrees only when the sigmoid gradient vanishes and the LSTM solves the task better than the RNN', () => {
  expect(judgeVanishing(1e-5, 0.005, 0.16, 100).isAgreeing).toBe(true);
  expect(judgeVanishing(1e-5, 0.05, 0.16, 100).isAgreeing).toBe(false);
  expect(judgeVanishing(0.5, 0.005, 0.16, 100).isAgreeing).toBe(false);
});
