import { ArgumentError, randn } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { Tanh } from '../activations/smooth-modules';
import type { BatchNorm1d } from '../layers/batch-norm';
import type { Dropout } from '../layers/dropout';
import type { Linear } from '../layers/linear';
import { describeBackends } from '../test-support/backends';
import { mlp } from './index';

describeBackends('mlp', () => {
  test('gives the documented output shape and parameter count', () => {
    const model = mlp([784, 256, 128, 10], 'relu', { seed: 0 });
    expect(model.call(randn([32, 784], { seed: 1 })).shape).toEqual([32, 10]);
    expect(model.numParameters()).toBe(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
    expect([...model].map((layer) => layer.constructor.name)).toEqual([
      'Linear',
      'ReLU',
      'Linear',
      'ReLU',
      'Linear',
    ]);
    model.dispose();
  });

  test('adds BatchNorm1d before and Dropout after each hidden activation', () => {
    const model = mlp([8, 16, 4], () => new Tanh(), { batchNorm: true, dropout: 0.1, seed: 0 });
    const layers = [...model];
    expect(layers.map((layer) => layer.constructor.name)).toEqual([
      'Linear',
      'BatchNorm1d',
      'Tanh',
      'Dropout',
      'Linear',
    ]);
    expect((layers[3] as Dropout).p).toBe(0.1);
    expect(model.numParameters()).toBe(8 * 16 + 16 + 2 * 16 + 16 * 4 + 4);
    expect((layers[1] as BatchNorm1d).numFeatures).toBe(16);
    expect(Object.keys(model.stateDict())).toContain('1.running_mean');
    model.dispose();
  });

  test('a seed makes the model reproducible and layers differ from each other', () => {
    const [a, b] = [mlp([4, 4, 4], 'gelu', { seed: 3 }), mlp([4, 4, 4], 'gelu', { seed: 3 })];
    expect((a.at(0) as Linear).weight.toArray()).toEqual((b.at(0) as Linear).weight.toArray());
    expect((a.at(0) as Linear).weight.toArray()).not.toEqual((a.at(2) as Linear).weight.toArray());
    a.dispose();
    b.dispose();
  });

  test("flatten puts a Flatten first: image batches in, the recipes' parameter names out", () => {
    const model = mlp([784, 32, 10], 'relu', { flatten: true, dropout: 0.2, seed: 0 });
    expect([...model].map((layer) => layer.constructor.name)).toEqual([
      'Flatten',
      'Linear',
      'ReLU',
      'Dropout',
      'Linear',
    ]);
    // The names the CLI's MLP recipes have always written into their checkpoints.
    expect(Object.keys(model.stateDict())).toEqual(['1.weight', '1.bias', '4.weight', '4.bias']);
    model.eval();
    expect(model.call(randn([3, 1, 28, 28], { seed: 1 })).shape).toEqual([3, 10]);
    // Same seed, same weights as without Flatten: it draws no random numbers.
    const plain = mlp([784, 32, 10], 'relu', { seed: 0 });
    expect((model.at(1) as Linear).weight.toArray()).toEqual((plain.at(0) as Linear).weight.toArray());
    model.dispose();
    plain.dispose();
  });

  test('rejects fewer than two sizes', () => {
    expect(() => mlp([10])).toThrow(ArgumentError);
    expect(() => mlp([10, 0])).toThrow(ArgumentError);
  });
});
