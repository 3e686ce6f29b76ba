import { ArgumentError, Generator, mean, ones, randn, ShapeError, variance } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import { AlphaDropout } from './alpha-dropout';
import { Dropout, dropout } from './dropout';
import { Dropout2d } from './dropout2d';

describeBackends('dropout', () => {
  test('Dropout zeroes about p of the entries and scales the rest by 1/(1 − p)', () => {
    const y = new Dropout(0.3, { seed: 1 }).call(ones([100_000]));
    const values = Array.from(y.dataSync());
    const zeros = values.filter((v) => v === 0).length / values.length;
    expect(Math.abs(zeros - 0.3)).toBeLessThan(0.01);
    expect(values.every((v) => v === 0 || Math.abs(v - 1 / 0.7) < 1e-6)).toBe(true);
  });

  test('Dropout is the identity in eval mode and for p = 0; p = 1 zeroes everything', () => {
    const x = randn([10, 10], { seed: 2 });
    const drop = new Dropout(0.5);
    drop.eval();
    expect(drop.call(x)).toBe(x);
    expect(new Dropout(0).call(x)).toBe(x);
    expect(Array.from(new Dropout(1).call(x).dataSync()).every((v) => v === 0)).toBe(true);
    expect(() => new Dropout(1.5)).toThrow(ArgumentError);
  });

  test('the same seed gives the same masks; each call draws a new mask', () => {
    const [a, b] = [new Dropout(0.5, { seed: 7 }), new Dropout(0.5, { seed: 7 })];
    const x = ones([64]);
    const first = a.call(x).toArray();
    expect(b.call(x).toArray()).toEqual(first);
    expect(a.call(x).toArray()).not.toEqual(first);
    const generator = new Generator(7);
    expect(dropout(x, 0.5, { generator }).toArray()).toEqual(first);
    expect(dropout(x, 0.5, { training: false })).toBe(x);
  });

  test('Dropout2d keeps or zeroes whole channels', () => {
    const y = new Dropout2d(0.5, { seed: 3 }).call(ones([4, 8, 3, 3]));
    const values = y.toArray() as number[][][][];
    let dropped = 0;
    for (const sample of values) {
      for (const channel of sample) {
        const flat = channel.flat();
        expect(flat.every((v) => v === flat[0])).toBe(true);
        expect([0, 2]).toContain(flat[0]);
        if (flat[0] === 0) dropped++;
      }
    }
    expect(dropped).toBeGreaterThan(4);
    expect(dropped).toBeLessThan(28);
    expect(new Dropout2d(0.5).call(ones([2, 3, 5])).shape).toEqual([2, 3, 5]);
    expect(() => new Dropout2d(0.5).call(ones([2, 3]))).toThrow(ShapeError);
    const evaluated = new Dropout2d(0.5).eval();
    const x = ones([1, 1, 2, 2]);
    expect(evaluated.call(x)).toBe(x);
  });

  test('AlphaDropout keeps the mean and variance of a standardized input', () => {
    const x = randn([200_000], { seed: 4, dtype: 'float64' });
    for (const p of [0.1, 0.5]) {
      const y = new AlphaDropout(p, { seed: 5 }).call(x);
      expect(Math.abs(mean(y).item())).toBeLessThan(0.01);
      expect(Math.abs(variance(y).item() - 1)).toBeLessThan(0.015);
    }
  });

  test('AlphaDropout sets dropped units to a·α′ + b and is the identity in eval mode', () => {
    const p = 0.5;
    const alphaPrime = -1.0507009873554805 * 1.6732632423543772;
    const a = 1 / Math.sqrt((1 - p) * (1 + p * alphaPrime ** 2));
    const b = -a * alphaPrime * p;
    const y = Array.from(
      new AlphaDropout(p, { seed: 6 }).call(ones([1000], { dtype: 'float64' })).dataSync(),
    );
    const values = new Set(y.map((v) => v.toFixed(12)));
    expect(values).toEqual(new Set([(a * alphaPrime + b).toFixed(12), (a + b).toFixed(12)]));
    const drop = new AlphaDropout(p).eval();
    const x = ones([3]);
    expect(drop.call(x)).toBe(x);
  });
});
