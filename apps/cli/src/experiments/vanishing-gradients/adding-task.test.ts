import { expect, test } from 'vitest';
import { ADDING_BASELINE_MSE, addingProblem, SequenceRegressor } from './adding-task';

test('addingProblem marks one step in each half and targets the sum of their values', () => {
  const data = addingProblem(50, 10, 3);
  const [x, y] = data.getBatch(Array.from({ length: 50 }, (_, i) => i));
  expect(x.shape).toEqual([50, 10, 2]);
  expect(y.shape).toEqual([50, 1]);
  const values = x.dataSync();
  const targets = y.dataSync();
  let squaredError = 0;
  for (let sample = 0; sample < 50; sample++) {
    const marked: number[] = [];
    let sum = 0;
    for (let step = 0; step < 10; step++) {
      if (values[(sample * 10 + step) * 2 + 1] === 1) {
        marked.push(step);
        sum += values[(sample * 10 + step) * 2];
      }
    }
    expect(marked.length).toBe(2);
    expect(marked[0]).toBeLessThan(5);
    expect(marked[1]).toBeGreaterThanOrEqual(5);
    expect(targets[sample]).toBeCloseTo(sum, 5);
    squaredError += (targets[sample] - 1) ** 2;
  }
  // Predicting 1 scores about 1/6 (a loose bound: 50 samples).
  expect(squaredError / 50).toBeGreaterThan(ADDING_BASELINE_MSE / 2);
  expect(squaredError / 50).toBeLessThan(ADDING_BASELINE_MSE * 2);
  x.dispose();
  y.dispose();
});

test('addingProblem rejects sequences shorter than two steps', () => {
  expect(() => addingProblem(4, 1, 0)).toThrow(/length must be an integer ≥ 2/);
});

test('SequenceRegressor reads one number out of each sequence, for RNN and LSTM', () => {
  const [x] = addingProblem(3, 6, 0).getBatch([0, 1, 2]);
  for (const kind of ['rnn', 'lstm'] as const) {
    const model = new SequenceRegressor(kind, 2, 8, 0);
    expect(model.call(x).shape).toEqual([3, 1]);
    model.dispose();
  }
  x.dispose();
});
