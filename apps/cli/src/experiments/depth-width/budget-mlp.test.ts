import { randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { budgetMlp, mlpParameterCount, widthForBudget } from './budget-mlp';

test('widthForBudget picks the width whose parameter count is nearest the budget', () => {
  for (const hidden of [1, 2, 8, 32]) {
    const width = widthForBudget(100_000, hidden, 784, 10);
    const distance = (w: number) => Math.abs(mlpParameterCount(784, w, hidden, 10) - 100_000);
    expect(distance(width)).toBeLessThanOrEqual(distance(width - 1));
    expect(distance(width)).toBeLessThanOrEqual(distance(width + 1));
  }
  expect(widthForBudget(100_000, 1, 784, 10)).toBe(126);
  expect(widthForBudget(100_000, 32, 784, 10)).toBe(45);
});

test('widthForBudget rejects a budget too small for one unit per layer', () => {
  expect(() => widthForBudget(100, 4, 784, 10)).toThrow(/too small/);
});

test('plain and residual budget MLPs have the counted parameters and map [N, 1, 28, 28] to [N, 10]', () => {
  for (const isResidual of [false, true]) {
    const model = budgetMlp({ inputs: 784, width: 45, hidden: 32, classes: 10, isResidual, seed: 0 });
    expect(model.numParameters()).toBe(mlpParameterCount(784, 45, 32, 10));
    expect(model.numParameters()).toBe(99_955);
    expect(model.call(randn([3, 1, 28, 28], { seed: 1 })).shape).toEqual([3, 10]);
    model.dispose();
  }
});
