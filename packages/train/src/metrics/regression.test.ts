import { memory, ShapeError, tensor } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { lossMetric } from './loss-metric';
import { meanAbsoluteError, meanSquaredError } from './regression';

test('MSE and MAE average over every element of every batch', () => {
  const before = memory().tensors;
  const batches = [
    [tensor([[1], [2]]), tensor([[0], [4]])], // errors 1, -2
    [tensor([[3]]), tensor([3.5])], // error -0.5, target of another shape but the same size
  ];
  for (const [metric, expected] of [
    [meanSquaredError(), (1 + 4 + 0.25) / 3],
    [meanAbsoluteError(), (1 + 2 + 0.5) / 3],
  ] as const) {
    let state = metric.init();
    for (const [output, target] of batches) state = metric.update(state, output, target);
    expect(metric.result(state)).toBeCloseTo(expected, 6);
  }
  for (const batch of batches) for (const t of batch) t.dispose();
  expect(memory().tensors).toBe(before);
});

test('MSE rejects outputs and targets of different sizes', () => {
  const output = tensor([1, 2]);
  const target = tensor([1, 2, 3]);
  expect(() => meanSquaredError().update({ sum: 0, count: 0 }, output, target)).toThrow(ShapeError);
  output.dispose();
  target.dispose();
});

test('lossMetric weights each batch mean by its size', () => {
  const sumLoss = lossMetric((output, target) => output.sub(target).abs().mean());
  let state = sumLoss.init();
  const a = [tensor([1, 1, 1]), tensor([0, 0, 0])]; // mean 1 over 3 samples
  const b = [tensor([5]), tensor([0])]; // mean 5 over 1 sample
  state = sumLoss.update(state, a[0], a[1]);
  state = sumLoss.update(state, b[0], b[1]);
  expect(sumLoss.result(state)).toBe((3 + 5) / 4);
  const bad = lossMetric((output) => output);
  expect(() => bad.update(bad.init(), a[0], a[1])).toThrow(ShapeError);
  for (const t of [...a, ...b]) t.dispose();
});
