import { ArgumentError, mean, randn, variance } from '@nagare/tensor';
import { expect, test } from 'vitest';
import type { Linear } from '../layers/linear';
import { describeBackends } from '../test-support/backends';
import { selfNormalizingNet } from './self-normalizing';

/** Σ (in·out + out) over consecutive sizes: the weights and biases of a chain of Linears. */
const linearChain = (sizes: number[]) =>
  sizes.slice(1).reduce((total, out, i) => total + sizes[i] * out + out, 0);

describeBackends('self-normalizing network', () => {
  test('[N, 64] → [N, 10]: LeCun-normal weights, zero biases, SELU and AlphaDropout', () => {
    const sizes = [64, 128, 128, 10];
    const model = selfNormalizingNet(sizes, { alphaDropout: 0.05, seed: 2 });
    expect([...model].map((m) => m.constructor.name)).toEqual([
      'Linear',
      'SELU',
      'AlphaDropout',
      'Linear',
      'SELU',
      'AlphaDropout',
      'Linear',
    ]);
    expect(model.call(randn([3, 64], { seed: 3 })).shape).toEqual([3, 10]);
    expect(model.numParameters()).toBe(linearChain(sizes));
    const first = model.at(0) as Linear;
    expect(Array.from(first.bias!.dataSync()).every((v) => v === 0)).toBe(true);
    // LeCun normal: weight variance 1/fanIn.
    expect(variance(first.weight).item() * 64).toBeCloseTo(1, 1);
    expect(() => selfNormalizingNet([5])).toThrow(ArgumentError);
    model.dispose();
  });

  test('keeps activations near mean 0 and variance 1 through 8 SELU layers', () => {
    const model = selfNormalizingNet(new Array(10).fill(128), { seed: 5 });
    model.eval();
    let x = randn([256, 128], { seed: 6 });
    for (const layer of [...model].slice(0, -1)) x = layer.call(x);
    expect(Math.abs(mean(x).item())).toBeLessThan(0.1);
    expect(Math.abs(variance(x).item() - 1)).toBeLessThan(0.15);
    model.dispose();
  });
});
