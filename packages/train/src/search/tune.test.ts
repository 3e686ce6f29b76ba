import { Linear, mseLoss } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { memory } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { linearData } from '../test-support/toy';
import { formatTrials } from './format-trials';
import { logUniform } from './space';
import { tune } from './tune';

test('tune finds a good learning rate on a toy regression, scored on the validation split', async () => {
  const before = memory().tensors;
  const seen: number[] = [];
  const result = await tune({
    space: { lr: logUniform(1e-5, 10) },
    trials: 10,
    rounds: 2,
    seed: 3,
    train: linearData(64, 1),
    val: linearData(32, 2),
    epochs: 3,
    batchSize: 16,
    build: ({ lr }) => {
      const model = new Linear(2, 1, { seed: 5 });
      return { model, loss: mseLoss, optimizer: new SGD(model.parameters(), { lr }) };
    },
    onTrial: (trial, epochs) => void seen.push(trial.id, epochs.length),
  });
  const { lr } = result.best.params;
  // Too small barely moves in 12 steps; above ~1 SGD diverges on this problem.
  expect(lr).toBeGreaterThan(0.02);
  expect(lr).toBeLessThan(1);
  expect(result.best.score).toBeLessThan(0.01);
  // Diverging trials (huge or, once the guard stops them, NaN losses) score far worse.
  const diverged = result.trials.filter((t) => t.params.lr > 2);
  expect(diverged.length).toBeGreaterThan(0);
  expect(diverged.every((t) => Number.isNaN(t.score) || t.score > 1)).toBe(true);
  expect(Object.keys(result.histories)).toHaveLength(20);
  expect(result.histories[result.best.id]).toHaveLength(3);
  expect(seen).toHaveLength(40);
  expect(formatTrials(result.trials, { limit: 3 })).toContain('completed');
  // Every trial's model and optimizer were disposed.
  expect(memory().tensors).toBe(before);
});

test('tune with successive halving continues the surviving trials from where they were', async () => {
  const result = await tune({
    space: { lr: logUniform(1e-4, 1) },
    trials: 6,
    seed: 4,
    train: linearData(64, 1),
    val: linearData(32, 2),
    batchSize: 16,
    halving: { minBudget: 1, maxBudget: 4, eta: 2 },
    build: ({ lr }) => {
      const model = new Linear(2, 1, { seed: 5 });
      return { model, loss: mseLoss, optimizer: new SGD(model.parameters(), { lr }) };
    },
  });
  const best = result.best;
  expect(best.status).toBe('completed');
  expect(best.scores.map((s) => s.budget)).toEqual([1, 2, 4]);
  // Continued, not restarted: the history has one entry per epoch, numbered 1 to 4.
  expect(result.histories[best.id].map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
  expect(result.trials.filter((t) => t.status === 'pruned')).toHaveLength(5);
});
