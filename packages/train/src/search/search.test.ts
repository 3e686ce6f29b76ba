import { ArgumentError, Generator } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { formatTrials } from './format-trials';
import { narrowSpace } from './narrow';
import { halvingBudgets, randomSearch } from './random-search';
import { choice, intRange, logUniform, sampleParams, uniform } from './space';
import { rankTrials, type Trial } from './trial';

describe('search spaces', () => {
  test('samples stay in range, log-uniform covers the decades evenly, and a seed repeats', () => {
    const space = {
      lr: logUniform(1e-6, 1e-2),
      p: uniform(0.1, 0.5),
      layers: intRange(1, 3),
      act: choice(['relu', 'tanh']),
    };
    const generator = new Generator(5);
    const draws = Array.from({ length: 4000 }, () => sampleParams(space, generator));
    const lrs = draws.map((d) => d.lr);
    const ps = draws.map((d) => d.p);
    expect(Math.min(...lrs)).toBeGreaterThanOrEqual(1e-6);
    expect(Math.max(...lrs)).toBeLessThanOrEqual(1e-2);
    expect(Math.min(...ps)).toBeGreaterThanOrEqual(0.1);
    expect(Math.max(...ps)).toBeLessThan(0.5);
    expect(new Set(draws.map((d) => d.layers))).toEqual(new Set([1, 2, 3]));
    expect(new Set(draws.map((d) => d.act))).toEqual(new Set(['relu', 'tanh']));
    // Four decades, about a quarter each (±4 %).
    for (let decade = -6; decade < -2; decade++) {
      const share = draws.filter((d) => Math.floor(Math.log10(d.lr)) === decade).length / draws.length;
      expect(share).toBeCloseTo(0.25, 1);
    }
    expect(sampleParams(space, new Generator(1))).toEqual(sampleParams(space, new Generator(1)));
  });

  test('bad ranges are rejected', () => {
    expect(() => logUniform(0, 1)).toThrow(ArgumentError);
    expect(() => uniform(2, 1)).toThrow(ArgumentError);
    expect(() => intRange(1.5, 3)).toThrow(ArgumentError);
    expect(() => choice([])).toThrow(ArgumentError);
  });

  test('narrowing shrinks every range around the given trials, inside the original', () => {
    const space = {
      lr: logUniform(1e-6, 1e-2),
      p: uniform(0, 1),
      layers: intRange(1, 8),
      act: choice(['relu', 'tanh', 'sigmoid']),
    };
    const best = [
      { params: { lr: 1e-4, p: 0.4, layers: 3, act: 'relu' } },
      { params: { lr: 1e-3, p: 0.6, layers: 4, act: 'tanh' } },
    ];
    const narrowed = narrowSpace(space, best, { margin: 0.5 });
    // lr: log10 span [-4, -3] widened by half a decade each side.
    expect(Math.log10((narrowed.lr as { min: number }).min)).toBeCloseTo(-4.5, 10);
    expect(Math.log10((narrowed.lr as { max: number }).max)).toBeCloseTo(-2.5, 10);
    expect(narrowed.p).toEqual({
      kind: 'uniform',
      min: expect.closeTo(0.3, 10),
      max: expect.closeTo(0.7, 10),
    });
    expect(narrowed.layers).toEqual({ kind: 'int', min: 2, max: 5 });
    expect(narrowed.act).toEqual({ kind: 'choice', values: ['relu', 'tanh'] });
    const clipped = narrowSpace({ p: uniform(0, 1) }, [{ params: { p: 0.95 } }], { margin: 0.25 });
    expect(clipped.p).toEqual({ kind: 'uniform', min: 0.7, max: 1 });
  });
});

describe('randomSearch', () => {
  // A noiseless objective with its minimum at x = 3.
  const objective = async ({ x }: { x: number }) => (x - 3) ** 2;

  test('finds the minimum and narrows around it in the second round', async () => {
    const result = await randomSearch({
      space: { x: uniform(-10, 10) },
      trials: 15,
      rounds: 2,
      seed: 1,
      objective,
    });
    expect(result.trials).toHaveLength(30);
    expect(result.rounds).toHaveLength(2);
    const second = result.rounds[1].space.x as { min: number; max: number };
    expect(second.max - second.min).toBeLessThan(10);
    expect(second.min).toBeLessThan(3);
    expect(second.max).toBeGreaterThan(3);
    const bestOf = (round: number) =>
      Math.min(...result.trials.filter((t) => t.round === round).map((t) => t.score));
    expect(bestOf(2)).toBeLessThanOrEqual(bestOf(1));
    expect(Math.abs(result.best.params.x - 3)).toBeLessThan(0.5);
  });

  test('successive halving gives the best third each larger budget and prunes the rest', async () => {
    const calls: [number, number | undefined, number][] = [];
    const result = await randomSearch({
      space: { x: uniform(-10, 10) },
      trials: 9,
      seed: 2,
      halving: { minBudget: 1, maxBudget: 9, eta: 3 },
      objective: ({ x }, context) => {
        calls.push([context.id, context.budget, context.previousBudget]);
        return (x - 3) ** 2 / (context.budget as number);
      },
    });
    expect(halvingBudgets({ minBudget: 1, maxBudget: 9, eta: 3 })).toEqual([1, 3, 9]);
    expect(calls.filter(([, budget]) => budget === 1)).toHaveLength(9);
    expect(calls.filter(([, budget]) => budget === 3)).toHaveLength(3);
    expect(calls.filter(([, budget, previous]) => budget === 9 && previous === 3)).toHaveLength(1);
    expect(result.trials.filter((t) => t.status === 'pruned')).toHaveLength(8);
    const winner = result.trials.find((t) => t.status === 'completed') as Trial<{ x: number }>;
    expect(winner).toBe(result.best);
    const closest = [...result.trials].sort((a, b) => Math.abs(a.params.x - 3) - Math.abs(b.params.x - 3))[0];
    expect(winner.id).toBe(closest.id);
  });

  test('failed trials are kept with their error and rank last', async () => {
    const result = await randomSearch({
      space: { x: uniform(0, 1) },
      trials: 6,
      seed: 3,
      mode: 'max',
      objective: ({ x }) => {
        if (x > 0.5) throw new Error(`diverged at ${x.toFixed(2)}`);
        return x;
      },
    });
    const failed = result.trials.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].error).toMatch(/diverged at/);
    expect(result.best.status).toBe('completed');
    expect(rankTrials(result.trials, 'max').at(-1)?.status).toBe('failed');
  });

  test('formats a ranked table', async () => {
    const result = await randomSearch({
      space: { lr: logUniform(1e-4, 1), act: choice(['relu', 'tanh']) },
      trials: 3,
      seed: 4,
      objective: ({ lr }) => lr,
    });
    const lines = formatTrials(result.trials, { limit: 2 }).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0].split(/\s+/)).toEqual(['rank', 'trial', 'round', 'status', 'score', 'lr', 'act']);
    expect(lines[1].trim().startsWith('1')).toBe(true);
    expect(lines[1]).toContain(String(result.best.params.act));
  });

  test('rejects bad options', async () => {
    await expect(randomSearch({ space: { x: uniform(0, 1) }, trials: 0, objective })).rejects.toThrow(
      ArgumentError,
    );
    await expect(
      randomSearch({
        space: { x: uniform(0, 1) },
        trials: 2,
        objective,
        halving: { minBudget: 3, maxBudget: 1 },
      }),
    ).rejects.toThrow(/halving/);
  });
});
