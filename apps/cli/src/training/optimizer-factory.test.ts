import { Adam, AdamW, SGD } from '@nagare/optimizers';
import { ones } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { OPTIMIZER_NAMES } from '../config/train-config';
import { createOptimizer, createSchedule } from './optimizer-factory';

// Optimizers refuse parameters that do not require grad (they would never be updated).
const param = () => ones([2], { requiresGrad: true });

describe('createOptimizer', () => {
  test.each(OPTIMIZER_NAMES)('%s takes the run lr', (name) => {
    const optimizer = createOptimizer(name, [param()], { lr: 0.125, weightDecay: 0 });
    expect(optimizer.paramGroups[0].lr).toBe(0.125);
    optimizer.dispose();
  });

  test('maps names to the optimizer classes and weight decay to each one’s form', () => {
    expect(createOptimizer('sgd', [param()], { lr: 1, weightDecay: 0 })).toBeInstanceOf(SGD);
    const adam = createOptimizer('adam', [param()], { lr: 1, weightDecay: 0.01 });
    expect(adam).toBeInstanceOf(Adam);
    expect(adam.paramGroups[0].weightDecay).toBe(0.01);
    const adamw = createOptimizer('adamw', [param()], { lr: 1, weightDecay: 0.01 });
    expect(adamw).toBeInstanceOf(AdamW);
    expect(adamw.paramGroups[0].decoupledWeightDecay).toBe(0.01);
  });
});

describe('createSchedule', () => {
  test('constant means no schedule', () => {
    expect(createSchedule('constant', 0.1, 100)).toBeNull();
  });

  test('cosine anneals from lr to 0 over the run', () => {
    const schedule = createSchedule('cosine', 0.1, 100)!;
    expect(schedule(0)).toBeCloseTo(0.1, 12);
    expect(schedule(50)).toBeCloseTo(0.05, 12);
    expect(schedule(100)).toBeCloseTo(0, 12);
  });

  test('step divides by 10 at half and three quarters of the run', () => {
    const schedule = createSchedule('step', 0.1, 100)!;
    expect([schedule(49), schedule(50), schedule(75)].map((lr) => Number(lr.toPrecision(6)))).toEqual([
      0.1, 0.01, 0.001,
    ]);
  });
});
