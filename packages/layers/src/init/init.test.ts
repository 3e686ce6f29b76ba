import { ArgumentError, Generator, type Tensor, zeros } from '@nagare/tensor';
import { expect, test } from 'vitest';
import { describeBackends } from '../test-support/backends';
import * as init from './index';
import { normalCdf, normalQuantile } from './normal-cdf';

function moments(t: Tensor): { mean: number; variance: number; min: number; max: number } {
  const values = t.dataSync();
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let squares = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    squares += (v - mean) ** 2;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return { mean, variance: squares / values.length, min, max };
}

// A [400, 250] weight (fanIn 250, fanOut 400): 100k samples put the variance within ~1% of its formula.
const SHAPE = [400, 250];
const FAN_IN = 250;
const FAN_OUT = 400;

const cases: {
  name: string;
  fill: (t: Tensor) => Tensor;
  variance: number;
  mean?: number;
  bound?: number;
}[] = [
  {
    name: 'uniform',
    fill: (t) => init.uniform(t, { low: -0.5, high: 1.5, seed: 1 }),
    variance: 4 / 12,
    mean: 0.5,
  },
  { name: 'normal', fill: (t) => init.normal(t, { mean: 0, std: 0.3, seed: 2 }), variance: 0.09 },
  {
    name: 'truncatedNormal',
    fill: (t) => init.truncatedNormal(t, { seed: 3 }),
    variance: 0.7737413035499232,
    bound: 2,
  },
  {
    name: 'xavierUniform',
    fill: (t) => init.xavierUniform(t, { seed: 4 }),
    variance: 2 / (FAN_IN + FAN_OUT),
  },
  {
    name: 'xavierNormal',
    fill: (t) => init.xavierNormal(t, { gain: 2, seed: 5 }),
    variance: (4 * 2) / (FAN_IN + FAN_OUT),
  },
  { name: 'heUniform', fill: (t) => init.heUniform(t, { seed: 6 }), variance: 2 / FAN_IN },
  {
    name: 'heNormal (fanOut, relu)',
    fill: (t) => init.heNormal(t, { mode: 'fanOut', nonlinearity: 'relu', seed: 7 }),
    variance: 2 / FAN_OUT,
  },
  {
    name: 'heUniform (a = √5, PyTorch Linear)',
    fill: (t) => init.kaimingUniform(t, { a: Math.sqrt(5), seed: 8 }),
    variance: 1 / (3 * FAN_IN),
  },
  { name: 'lecunNormal', fill: (t) => init.lecunNormal(t, { seed: 9 }), variance: 1 / FAN_IN },
  { name: 'lecunUniform', fill: (t) => init.lecunUniform(t, { seed: 10 }), variance: 1 / FAN_IN },
  // Orthonormal rows of a [400, 250] matrix: its 250 columns are unit vectors, mean square 250/(400·250).
  {
    name: 'orthogonal',
    fill: (t) => init.orthogonal(t, { gain: 1.5, seed: 11 }),
    variance: (2.25 * 250) / (400 * 250),
  },
];

describeBackends('initializers', () => {
  test.each(cases)(
    '$name matches its variance formula on a large tensor',
    ({ fill, variance, mean = 0, bound }) => {
      const t = fill(zeros(SHAPE));
      const stats = moments(t);
      expect(Math.abs(stats.variance / variance - 1)).toBeLessThan(0.02);
      expect(Math.abs(stats.mean - mean)).toBeLessThan(
        4 * Math.sqrt(variance / t.size) + 0.02 * Math.sqrt(variance),
      );
      if (bound !== undefined) expect(Math.max(-stats.min, stats.max)).toBeLessThanOrEqual(bound);
      t.dispose();
    },
  );

  test('zeros, ones and constant fill exactly and keep the tensor object', () => {
    const t = zeros([2, 2], { dtype: 'float64' });
    expect(init.ones(t)).toBe(t);
    expect(t.toArray()).toEqual([
      [1, 1],
      [1, 1],
    ]);
    init.constant(t, 0.25);
    expect(t.toArray()).toEqual([
      [0.25, 0.25],
      [0.25, 0.25],
    ]);
    init.zeros(t);
    expect(t.toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    t.dispose();
  });

  test('a seed gives the same values; a generator continues its stream', () => {
    const [a, b, c] = [zeros([50]), zeros([50]), zeros([50])];
    init.heNormal(zeros([1, 1]), { seed: 0 }).dispose();
    init.xavierUniform(a.reshape([5, 10]), { seed: 42 });
    init.xavierUniform(b.reshape([5, 10]), { seed: 42 });
    expect(a.toArray()).toEqual(b.toArray());
    const generator = new Generator(42);
    init.uniform(c, { generator });
    const d = init.uniform(zeros([50]), { generator });
    expect(c.toArray()).not.toEqual(d.toArray());
    for (const t of [a, b, c, d]) t.dispose();
  });

  test('orthogonal gives orthonormal rows (wide) and columns (tall)', () => {
    for (const shape of [
      [6, 20],
      [20, 6],
    ]) {
      const t = init.orthogonal(zeros(shape, { dtype: 'float64' }), { seed: 3 });
      const m = t.toArray() as number[][];
      const wide = shape[0] < shape[1];
      const count = Math.min(shape[0], shape[1]);
      const vector = (i: number) => (wide ? m[i] : m.map((row) => row[i]));
      for (let i = 0; i < count; i++) {
        for (let j = 0; j < count; j++) {
          const dot = vector(i).reduce((s, v, k) => s + v * vector(j)[k], 0);
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 10);
        }
      }
      t.dispose();
    }
  });

  test('truncatedNormal samples a window far in a tail without leaving it', () => {
    const t = init.truncatedNormal(zeros([20000], { dtype: 'float64' }), {
      mean: 1,
      std: 2,
      a: 8,
      b: 9,
      seed: 5,
    });
    const stats = moments(t);
    expect(stats.min).toBeGreaterThanOrEqual(8);
    expect(stats.max).toBeLessThanOrEqual(9);
    // E[x | 8 ≤ x ≤ 9] for N(1, 4), by Simpson's rule on the density (independent of normal-cdf.ts).
    const density = (x: number) => Math.exp(-((x - 1) ** 2) / 8);
    let mass = 0;
    let moment = 0;
    const steps = 2000;
    for (let i = 0; i <= steps; i++) {
      const x = 8 + i / steps;
      const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
      mass += weight * density(x);
      moment += weight * x * density(x);
    }
    expect(stats.mean).toBeCloseTo(moment / mass, 2);
    t.dispose();
  });
});

test('normalCdf and normalQuantile agree with reference values', () => {
  expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
  expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 15);
  expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
  expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
  expect(normalQuantile(0.5)).toBe(0);
  for (const p of [1e-6, 0.01, 0.3, 0.77, 0.999]) expect(normalCdf(normalQuantile(p)) / p).toBeCloseTo(1, 12);
});

test('calculateGain matches torch.nn.init.calculate_gain', () => {
  expect(init.calculateGain('linear')).toBe(1);
  expect(init.calculateGain('conv2d')).toBe(1);
  expect(init.calculateGain('sigmoid')).toBe(1);
  expect(init.calculateGain('tanh')).toBeCloseTo(5 / 3, 15);
  expect(init.calculateGain('relu')).toBeCloseTo(Math.SQRT2, 15);
  expect(init.calculateGain('leakyRelu')).toBeCloseTo(Math.sqrt(2 / (1 + 0.01 ** 2)), 15);
  expect(init.calculateGain('leakyRelu', 0.2)).toBeCloseTo(1.3867504905630728, 15);
  expect(init.calculateGain('selu')).toBe(0.75);
  expect(() => init.calculateGain('swish' as init.Nonlinearity)).toThrow(ArgumentError);
});

test('fans follow PyTorch: [out, in, ...kernel]', () => {
  expect(init.calculateFanInAndFanOut([64, 3, 3, 3])).toEqual({ fanIn: 27, fanOut: 576 });
  expect(init.calculateFanInAndFanOut([10, 4])).toEqual({ fanIn: 4, fanOut: 10 });
  expect(() => init.calculateFanInAndFanOut([5])).toThrow(ArgumentError);
});

test('initializers reject bad arguments', () => {
  const t = zeros([3, 3]);
  expect(() => init.uniform(t, { low: 1, high: 0 })).toThrow(ArgumentError);
  expect(() => init.normal(t, { std: -1 })).toThrow(ArgumentError);
  expect(() => init.truncatedNormal(t, { a: 1, b: 1 })).toThrow(ArgumentError);
  expect(() => init.constant(t, Number.NaN)).toThrow(ArgumentError);
  expect(() => init.heUniform(t, { mode: 'fanAvg' as 'fanIn' })).toThrow(ArgumentError);
  expect(() => init.orthogonal(zeros([3]))).toThrow(ArgumentError);
  expect(() => init.ones(zeros([2], { dtype: 'int32' }))).toThrow(ArgumentError);
  t.dispose();
});
