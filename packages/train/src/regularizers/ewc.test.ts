import { blobs, TensorDataset } from '@nagare/data';
import { crossEntropy, Linear, mseLoss, ReLU, Sequential } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import { ArgumentError, assign, Generator, memory, ShapeError, tensor } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../evaluate';
import { fit } from '../fit';
import { EWC, fisherDiagonal } from './ewc';

function pointsData(x: number[][], y: number[][]): TensorDataset {
  const xs = tensor(x);
  const ys = tensor(y);
  const data = new TensorDataset(xs, ys);
  xs.dispose();
  ys.dispose();
  return data;
}

describe('fisherDiagonal', () => {
  test('is the mean of squared per-sample gradients', () => {
    // y = w·x with w = 0.5, squared error against 0: d/dw (w·x)² = 2x·(w·x) → 1 and 4 for x = 1, 2.
    const model = new Linear(1, 1, { bias: false, seed: 0 });
    assign(model.weight, tensor([[0.5]]));
    const before = memory().tensors;
    const fisher = fisherDiagonal(model, pointsData([[1], [2]], [[0], [0]]), { loss: mseLoss });
    expect(Object.keys(fisher)).toEqual(['weight']);
    expect(fisher.weight.toArray()).toEqual([[(1 + 16) / 2]]);
    expect(model.weight.grad).toBeNull();
    fisher.weight.dispose();
    expect(memory().tensors).toBe(before);
    model.dispose();
  });

  test('sampled labels give a positive diagonal; bad options are rejected', () => {
    const model = new Sequential(new Linear(2, 4, { seed: 1 }), new ReLU(), new Linear(4, 3, { seed: 2 }));
    const data = blobs(30, { seed: 1 });
    const fisher = fisherDiagonal(model, data, {
      loss: crossEntropy,
      labels: 'sampled',
      samples: 10,
      seed: 3,
    });
    expect(Object.keys(fisher)).toEqual(['0.weight', '0.bias', '2.weight', '2.bias']);
    expect(Math.min(...fisher['2.bias'].dataSync())).toBeGreaterThan(0);
    for (const t of Object.values(fisher)) t.dispose();
    expect(() => fisherDiagonal(model, data, { loss: crossEntropy, samples: 31 })).toThrow(ArgumentError);
    expect(() => fisherDiagonal(model, data, { loss: crossEntropy, labels: 'both' as 'true' })).toThrow(
      ArgumentError,
    );
    model.dispose();
  });
});

describe('EWC', () => {
  test('penalty is λ/2 Σ F (θ − θ*)² and its gradient λ F (θ − θ*)', () => {
    const model = new Linear(1, 1, { bias: false, seed: 0 });
    assign(model.weight, tensor([[0.5]]));
    const ewc = new EWC(model, { weight: tensor([[2]]) }, { lambda: 3 });
    expect(ewc.penalty().item()).toBe(0);
    assign(model.weight, tensor([[1.5]]));
    const penalty = ewc.penalty();
    expect(penalty.item()).toBe((3 / 2) * 2 * 1 ** 2);
    penalty.backward();
    expect(model.weight.grad?.toArray()).toEqual([[3 * 2 * 1]]);
    model.zeroGrad();
    penalty.dispose();
    expect(() => new EWC(model, { weight: tensor([1, 2]) }, { lambda: 1 })).toThrow(ShapeError);
    expect(() => new EWC(model, { other: tensor([1]) }, { lambda: 1 })).toThrow(ArgumentError);
    ewc.dispose();
    model.dispose();
  });

  // Two conflicting 4-class tasks on 8-D inputs (a mini permuted-MNIST): 2-D blobs lifted by a fixed
  // random map; task B permutes the input features and relabels the blobs.
  function task(n: number, seed: number, isB: boolean): TensorDataset {
    const base = blobs(n, {
      seed,
      std: 0.2,
      centers: [
        [0.8, 0],
        [-0.8, 0.5],
        [0, -0.8],
        [0.6, 0.8],
      ],
    });
    const [points, labels] = base.columns;
    const generator = new Generator(42);
    const lift = Array.from({ length: 8 }, () => [generator.nextNormal(), generator.nextNormal()]);
    const order = isB ? [5, 2, 7, 0, 3, 6, 1, 4] : [0, 1, 2, 3, 4, 5, 6, 7];
    const x = new Float32Array(n * 8);
    for (let i = 0; i < n; i++) {
      const [a, b] = [points.values[2 * i], points.values[2 * i + 1]];
      order.forEach((from, k) => {
        x[i * 8 + k] = lift[from][0] * a + lift[from][1] * b;
      });
    }
    const y = Int32Array.from(labels.values, (label) => (label + (isB ? 1 : 0)) % 4);
    return TensorDataset.fromColumns([
      { values: x, shape: [n, 8], dtype: 'float32' },
      { values: y, shape: [n], dtype: 'int32' },
    ]);
  }

  test('reduces forgetting of task A while learning task B', async () => {
    const [trainA, testA, trainB, testB] = [
      task(150, 1, false),
      task(200, 2, false),
      task(150, 3, true),
      task(200, 4, true),
    ];
    const accuracy = async (model: Sequential, data: TensorDataset) =>
      (await evaluate(model, data, ['accuracy'])).accuracy as number;
    const run = async (lambda: number) => {
      const model = new Sequential(
        new Linear(8, 32, { seed: 1 }),
        new ReLU(),
        new Linear(32, 4, { seed: 2 }),
      );
      const options = { loss: crossEntropy, batchSize: 25 };
      await fit(model, {
        ...options,
        train: trainA,
        optimizer: new SGD(model.parameters(), { lr: 0.1 }),
        epochs: 8,
        seed: 1,
      });
      const afterA = await accuracy(model, testA);
      const ewc = EWC.fromDataset(model, trainA, { loss: crossEntropy, lambda, samples: 60 });
      const history = await fit(model, {
        ...options,
        train: trainB,
        optimizer: new SGD(model.parameters(), { lr: 0.2 }),
        epochs: 10,
        seed: 2,
        regularizers: lambda > 0 ? [ewc] : [],
      });
      const result = {
        afterA,
        forgotA: await accuracy(model, testA),
        b: await accuracy(model, testB),
        logged: history.epochs[0].metrics.ewc,
      };
      ewc.dispose();
      model.dispose();
      return result;
    };
    const plain = await run(0);
    const consolidated = await run(50);
    expect(plain.afterA).toBeGreaterThan(0.95);
    // Without EWC, learning B costs A a lot; with it A stays near where it was, and B is still learned.
    expect(plain.forgotA).toBeLessThan(plain.afterA - 0.15);
    expect(consolidated.forgotA).toBeGreaterThan(plain.forgotA + 0.15);
    expect(consolidated.b).toBeGreaterThan(0.95);
    expect(consolidated.logged).toBeGreaterThan(0);
  });
});
