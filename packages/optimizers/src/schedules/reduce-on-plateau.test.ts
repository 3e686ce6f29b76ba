import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { linearWarmupLr } from './cosine-annealing';
import { reduceLrOnPlateau } from './reduce-on-plateau';

describe('reduceLrOnPlateau', () => {
  test('reduces after more than `patience` reports without improvement', () => {
    const lr = reduceLrOnPlateau(1, { patience: 2, factor: 0.5 });
    expect([1, 0.9, 0.95, 0.95].map((loss) => lr.report(loss))).toEqual([false, false, false, false]);
    expect(lr.report(0.95)).toBe(true);
    expect(lr(0)).toBe(0.5);
    expect(lr.scale).toBe(0.5);
  });

  test("an improvement smaller than the relative threshold does not count; 'abs' compares differences", () => {
    const rel = reduceLrOnPlateau(1, { patience: 0, threshold: 0.1 });
    rel.report(1);
    expect(rel.report(0.95)).toBe(true);
    const abs = reduceLrOnPlateau(1, { patience: 0, threshold: 0.01, thresholdMode: 'abs' });
    abs.report(1);
    expect(abs.report(0.985)).toBe(false);
  });

  test("mode 'max' watches a metric that should grow; cooldown pauses counting", () => {
    const lr = reduceLrOnPlateau(1, { mode: 'max', patience: 0, cooldown: 2, factor: 0.1 });
    expect([0.5, 0.6, 0.6].map((accuracy) => lr.report(accuracy))).toEqual([false, false, true]);
    expect([0.6, 0.6].map((accuracy) => lr.report(accuracy))).toEqual([false, false]);
    expect(lr.report(0.6)).toBe(true);
    expect(lr(0)).toBeCloseTo(0.01, 15);
  });

  test('scales a base schedule, never below minLr, and does not raise a warm-up that starts below it', () => {
    const lr = reduceLrOnPlateau(linearWarmupLr({ lr: 1, warmupSteps: 10 }), {
      patience: 0,
      factor: 0.01,
      minLr: 0.05,
    });
    expect(lr(0)).toBeCloseTo(0.1, 15);
    lr.report(1);
    lr.report(1);
    expect(lr(9)).toBe(0.05);
    expect(lr(0)).toBe(0.05);
    const fresh = reduceLrOnPlateau(linearWarmupLr({ lr: 1, warmupSteps: 100 }), { minLr: 0.5 });
    expect(fresh(0)).toBe(0.01);
  });

  test('stateDict survives JSON (an unset best is null) and restores the exact behaviour', () => {
    const lr = reduceLrOnPlateau(1, { patience: 1 });
    expect(JSON.parse(JSON.stringify(lr.stateDict()))).toEqual({
      scale: 1,
      best: null,
      badReports: 0,
      cooldownLeft: 0,
    });
    lr.report(2);
    lr.report(3);
    const copy = reduceLrOnPlateau(1, { patience: 1 });
    copy.loadStateDict(JSON.parse(JSON.stringify(lr.stateDict())));
    expect([lr.report(3), copy.report(3)]).toEqual([true, true]);
    expect(copy.scale).toBe(lr.scale);
    expect(() => copy.loadStateDict({ scale: -1, best: null, badReports: 0, cooldownLeft: 0 })).toThrow(
      ArgumentError,
    );
  });

  test('bad options and metrics are ArgumentErrors', () => {
    expect(() => reduceLrOnPlateau(1, { factor: 1 })).toThrow(
      /reduceLrOnPlateau: factor must be in \[0, 1\)/,
    );
    expect(() => reduceLrOnPlateau(1, { mode: 'up' as never })).toThrow(/mode must be/);
    expect(() => reduceLrOnPlateau(1).report(Number.NaN)).toThrow(/report needs a number/);
  });
});
