import { createJsBackend, getBackend, memory, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend } from '@nagare/tensor/testing';
import { describe, expect, test } from 'vitest';
import { optimizerPaths, optimizerPathsAsync } from './optimizer-paths';

const f = ([x, y]: readonly number[]) => (x * x) / 20 + y * y;
const signChanges = (values: number[]) =>
  values.slice(1).filter((v, i) => Math.sign(v) !== Math.sign(values[i])).length;

describe('optimizerPaths: SGD vs Momentum vs AdaGrad vs Adam on x²/20 + y²', () => {
  const paths = Object.fromEntries(optimizerPaths().map((path) => [path.name, path]));

  test('records 31 points per optimizer from (−7, 2) with the lecture’s learning rates', () => {
    expect(Object.keys(paths)).toEqual(['SGD', 'Momentum', 'AdaGrad', 'Adam']);
    expect(Object.values(paths).map((path) => path.lr)).toEqual([0.95, 0.1, 1.5, 0.3]);
    for (const path of Object.values(paths)) {
      expect(path.points).toHaveLength(31);
      expect(path.points[0]).toEqual([-7, 2]);
    }
  });

  test('SGD zig-zags: y changes sign at every step while x only creeps', () => {
    const ys = paths.SGD.points.map(([, y]) => y);
    expect(signChanges(ys)).toBe(30);
    // y ← (1 − 2·0.95)·y = −0.9·y: the steep direction oscillates instead of settling.
    expect(ys[1]).toBeCloseTo(-1.8, 12);
    expect(paths.SGD.points[1][0]).toBeCloseTo(-7 * (1 - 0.95 / 10), 12);
  });

  test('Momentum and Adam reach the minimum region with few crossings of y = 0', () => {
    for (const name of ['Momentum', 'Adam']) {
      const { points } = paths[name];
      const last = points[points.length - 1];
      expect(f(last)).toBeLessThan(0.02 * f(points[0]));
      expect(Math.hypot(...last)).toBeLessThan(1);
      expect(signChanges(points.map(([, y]) => y))).toBeLessThanOrEqual(5);
    }
  });

  test('AdaGrad flattens the steep y direction within a few steps', () => {
    expect(Math.abs(paths.AdaGrad.points[5][1])).toBeLessThan(0.01);
    expect(f(paths.AdaGrad.points[30])).toBeLessThan(0.01 * f(paths.AdaGrad.points[0]));
  });

  test('takes a start and step count, and frees everything it allocated', () => {
    const before = memory().tensors;
    const short = optimizerPaths({ start: [1, 1], steps: 3 });
    expect(short.every((path) => path.points.length === 4 && path.points[0][0] === 1)).toBe(true);
    expect(memory().tensors).toBe(before);
    expect(() => optimizerPaths({ steps: 0 })).toThrow(/optimizerPaths: steps/);
  });
});

test('optimizerPathsAsync gives the same trajectories, reading only asynchronously', async () => {
  const expected = optimizerPaths({ steps: 12 });
  const previous = getBackend();
  useBackend(asyncOnlyBackend(createJsBackend()));
  try {
    expect(await optimizerPathsAsync({ steps: 12 })).toEqual(expected);
  } finally {
    useBackend(previous);
  }
});
