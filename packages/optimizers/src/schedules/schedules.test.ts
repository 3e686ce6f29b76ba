import { ArgumentError } from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { cosineAnnealingLr, linearWarmupLr, sequentialLr, warmupCosineLr } from './cosine-annealing';
import { oneCycleLr } from './one-cycle';
import { constantLr, exponentialLr, multiStepLr, stepLr } from './step-schedules';

const at = (schedule: (step: number) => number, steps: number[]) => steps.map((step) => schedule(step));

describe('step-based schedules', () => {
  test('constantLr', () => {
    expect(at(constantLr(0.1), [0, 7, 1000])).toEqual([0.1, 0.1, 0.1]);
  });

  test('stepLr multiplies by gamma every stepSize steps', () => {
    const values = at(stepLr({ lr: 1, stepSize: 3, gamma: 0.5 }), [0, 2, 3, 5, 6, 9]);
    expect(values).toEqual([1, 1, 0.5, 0.5, 0.25, 0.125]);
  });

  test('multiStepLr multiplies at each milestone, in any order given', () => {
    const values = at(multiStepLr({ lr: 1, milestones: [5, 2], gamma: 0.1 }), [0, 1, 2, 4, 5, 100]);
    expect(values.map((v) => +v.toPrecision(12))).toEqual([1, 1, 0.1, 0.1, 0.01, 0.01]);
  });

  test('exponentialLr', () => {
    expect(exponentialLr({ lr: 2, gamma: 0.5 })(3)).toBe(0.25);
  });

  test('bad arguments and steps are ArgumentErrors naming the schedule', () => {
    expect(() => stepLr({ lr: 1, stepSize: 0 })).toThrow(/stepLr: stepSize must be in \[1, Infinity\]/);
    expect(() => exponentialLr({ lr: -1, gamma: 0.9 })).toThrow(ArgumentError);
    expect(() => constantLr(0.1)(-1)).toThrow(/constantLr: step must be in/);
    expect(() => stepLr({ lr: 1, stepSize: 2 })(1.5)).toThrow(/step must be an integer/);
  });
});

describe('cosine, warm-up and composition', () => {
  test('cosineAnnealingLr follows the half cosine and holds minLr after totalSteps', () => {
    const schedule = cosineAnnealingLr({ lr: 1, totalSteps: 4, minLr: 0.2 });
    const expected = [0, 1, 2, 3, 4, 10].map(
      (t) => 0.2 + 0.4 * (1 + Math.cos((Math.PI * Math.min(t, 4)) / 4)),
    );
    expect(at(schedule, [0, 1, 2, 3, 4, 10])).toEqual(expected);
    expect(schedule(2)).toBeCloseTo(0.6, 15);
  });

  test('linearWarmupLr ramps from lr/warmupSteps to lr and stays', () => {
    expect(at(linearWarmupLr({ lr: 1, warmupSteps: 4 }), [0, 1, 3, 50])).toEqual([0.25, 0.5, 1, 1]);
  });

  test('sequentialLr restarts each schedule at its milestone', () => {
    const schedule = sequentialLr(
      [constantLr(1), exponentialLr({ lr: 0.5, gamma: 0.5 }), constantLr(0.01)],
      [2, 4],
    );
    expect(at(schedule, [0, 1, 2, 3, 4, 9])).toEqual([1, 1, 0.5, 0.25, 0.01, 0.01]);
    expect(() => sequentialLr([constantLr(1), constantLr(2)], [])).toThrow(
      /needs 1 milestones for 2 schedules/,
    );
    expect(() => sequentialLr([constantLr(1), constantLr(2), constantLr(3)], [3, 3])).toThrow(ArgumentError);
  });

  test('warmupCosineLr warms up linearly, peaks, then anneals to minLr at totalSteps', () => {
    const schedule = warmupCosineLr({ lr: 1, warmupSteps: 10, totalSteps: 110, minLr: 0.1 });
    expect(schedule(0)).toBeCloseTo(0.1, 15);
    expect(schedule(9)).toBe(1);
    expect(schedule(10)).toBe(1);
    expect(schedule(60)).toBeCloseTo(0.55, 15);
    expect(schedule(110)).toBeCloseTo(0.1, 15);
    expect(() => warmupCosineLr({ lr: 1, warmupSteps: 10, totalSteps: 10 })).toThrow(
      /totalSteps must be in \[11/,
    );
  });
});

describe('oneCycleLr (PyTorch OneCycleLR, step for step)', () => {
  // PyTorch's phases end at pct·total − 1 and total − 1; cos anneal: end + (start − end)/2·(cos(π·pct) + 1).
  const cosAnneal = (start: number, end: number, pct: number) =>
    end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1);

  test('two phases with cosine annealing', () => {
    const schedule = oneCycleLr({ maxLr: 0.1, totalSteps: 100 });
    const [initial, min] = [0.1 / 25, 0.1 / 25 / 1e4];
    expect(schedule(0)).toBeCloseTo(initial, 15);
    expect(schedule(10)).toBeCloseTo(cosAnneal(initial, 0.1, 10 / 29), 15);
    expect(schedule(29)).toBeCloseTo(0.1, 15);
    expect(schedule(60)).toBeCloseTo(cosAnneal(0.1, min, (60 - 29) / (99 - 29)), 15);
    expect(schedule(99)).toBeCloseTo(min, 15);
    expect(schedule(500)).toBeCloseTo(min, 15);
  });

  test('three phases with linear annealing', () => {
    const schedule = oneCycleLr({
      maxLr: 1,
      totalSteps: 20,
      pctStart: 0.25,
      divFactor: 10,
      finalDivFactor: 100,
      annealStrategy: 'linear',
      threePhase: true,
    });
    // Phases end at steps 4, 8 and 19: 0.1 → 1 → 0.1 → 0.001.
    expect(at(schedule, [0, 2, 4, 6, 8, 19]).map((v) => +v.toFixed(12))).toEqual([
      0.1, 0.55, 1, 0.55, 0.1, 0.001,
    ]);
  });

  test('bad options are ArgumentErrors', () => {
    expect(() => oneCycleLr({ maxLr: 0.1, totalSteps: 10, pctStart: 1 })).toThrow(/oneCycleLr: pctStart/);
    expect(() => oneCycleLr({ maxLr: 0.1, totalSteps: 10, annealStrategy: 'step' as never })).toThrow(
      /annealStrategy/,
    );
  });
});
