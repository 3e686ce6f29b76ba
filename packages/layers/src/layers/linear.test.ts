import { ArgumentError, DTypeError, randn, ShapeError, tensor } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { constant, uniform } from '../init/basic';
import { describeBackends } from '../test-support/backends';
import { Identity } from './identity';
import { Linear } from './linear';

describeBackends('Linear', () => {
  test('computes x·Wᵀ + b on the last axis of any batch shape', () => {
    const fc = new Linear(3, 2);
    fc.loadStateDict({
      weight: tensor([
        [1, 2, 3],
        [-1, 0, 1],
      ]),
      bias: tensor([0.5, -0.5]),
    });
    expectAllClose(
      fc.call(
        tensor([
          [1, 1, 1],
          [0, 2, -1],
        ]),
      ),
      [
        [6.5, -0.5],
        [1.5, -1.5],
      ],
    );
    expect(fc.call(randn([4, 5, 3], { seed: 1 })).shape).toEqual([4, 5, 2]);
    expectAllClose(fc.call(tensor([1, 0, 0])), [1.5, -1.5]);
    fc.dispose();
  });

  test('initializes weight and bias in U(−1/√in, 1/√in), as PyTorch', () => {
    const fc = new Linear(400, 300, { seed: 0 });
    const bound = 1 / Math.sqrt(400);
    for (const p of [fc.weight, fc.bias!]) {
      const values = Array.from(p.dataSync());
      expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(bound);
      expect(Math.max(...values.map(Math.abs))).toBeGreaterThan(0.95 * bound);
    }
    const variance = Array.from(fc.weight.dataSync()).reduce((s, v) => s + v * v, 0) / fc.weight.size;
    expect(variance / ((bound * bound) / 3)).toBeCloseTo(1, 1);
    fc.dispose();
  });

  test('options: no bias, float64, custom initializers and seeds', () => {
    const a = new Linear(4, 2, { bias: false, dtype: 'float64', seed: 3 });
    expect(a.bias).toBeNull();
    expect(a.namedParameters().map(([name]) => name)).toEqual(['weight']);
    expect(a.weight.dtype).toBe('float64');
    const b = new Linear(4, 2, { bias: false, dtype: 'float64', seed: 3 });
    expect(a.weight.toArray()).toEqual(b.weight.toArray());
    const c = new Linear(2, 2, {
      weightInit: (t) => constant(t, 0.5),
      biasInit: (t, o) => uniform(t, { ...o, low: 3, high: 4 }),
    });
    expect(c.weight.toArray()).toEqual([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect((c.bias!.toArray() as number[]).every((v) => v >= 3 && v < 4)).toBe(true);
    expect(a.extraRepr()).toBe('inFeatures=4, outFeatures=2, bias=false');
    for (const m of [a, b, c]) m.dispose();
  });

  test('rejects a wrong feature size, wrong dtype and bad sizes', () => {
    const fc = new Linear(3, 2);
    expect(() => fc.call(randn([2, 4]))).toThrow(ShapeError);
    expect(() => fc.call(randn([2, 3], { dtype: 'float64' }))).toThrow(DTypeError);
    expect(() => new Linear(-1, 2)).toThrow(ArgumentError);
    expect(() => new Linear(2.5, 2)).toThrow(ArgumentError);
    fc.dispose();
  });

  test('Identity returns its input', () => {
    const x = randn([2, 3], { seed: 0 });
    expect(new Identity().call(x)).toBe(x);
  });
});
