import { describe, expect, test } from 'vitest';
import { selectCases } from './cases';
import { measureCase } from './measure-case';
import type { CaseSpec, Contender, LibName, PreparedCase } from './types';

const [dispatch] = selectCases(['dispatch']);

/** A contender whose runs advance a shared fake clock by `runMs`, logging what it does. */
function fakeContender(lib: LibName, runMs: number, clock: { time: number }, log: string[]): Contender {
  return {
    lib,
    threads: 1,
    label: lib,
    description: lib,
    activate: async () => void log.push(`activate ${lib}`),
    prepare: async (_spec: CaseSpec): Promise<PreparedCase> => {
      if (runMs < 0) throw new Error(`${lib} has no kernel for this`);
      const run = () => {
        clock.time += runMs;
      };
      return { run, dispose: () => void log.push(`dispose ${lib}`) };
    },
    destroy: async () => {},
  };
}

describe('measureCase', () => {
  test('interleaves the timed samples of all libraries and reports each median in the unit', async () => {
    const clock = { time: 0 };
    const log: string[] = [];
    const timing = { now: () => clock.time, budgetMs: 40, sampleMs: 10, minSamples: 3, maxSamples: 3 };
    const rows = await measureCase(
      dispatch,
      [fakeContender('nagare-wasm', 0.001, clock, log), fakeContender('tfjs-wasm', 0.004, clock, log)],
      timing,
    );
    expect(rows.map((row) => [row.lib, row.unit])).toEqual([
      ['nagare-wasm', 'µs/op'],
      ['tfjs-wasm', 'µs/op'],
    ]);
    expect(rows[0].value).toBeCloseTo(1, 6); // 0.001 ms = 1 µs per op
    expect(rows[1].value).toBeCloseTo(4, 6);
    // Calibration one after the other, then three rounds alternating, then cleanup.
    expect(log).toEqual([
      'activate nagare-wasm',
      'activate tfjs-wasm',
      ...Array.from({ length: 3 }, () => ['activate nagare-wasm', 'activate tfjs-wasm']).flat(),
      'dispose nagare-wasm',
      'dispose tfjs-wasm',
    ]);
  });

  test('asks a self-timed case for the time of a whole sample instead of timing each run', async () => {
    const clock = { time: 0 };
    const calls: string[] = [];
    const selfTimed: Contender = {
      ...fakeContender('pytorch', 0, clock, []),
      prepare: async () => ({
        run: () => void calls.push('run'),
        runTimed: async (count: number) => {
          calls.push(`runTimed ${count}`);
          clock.time += 5; // the round trip, which the reported time leaves out
          return 0.002 * count;
        },
        dispose: () => {},
      }),
    };
    const rows = await measureCase(dispatch, [selfTimed], {
      now: () => clock.time,
      budgetMs: 10,
      sampleMs: 1,
      maxSamples: 3,
    });
    expect(rows[0].value).toBeCloseTo(2, 9); // 0.002 ms = 2 µs per op
    expect(calls).not.toContain('run');
    expect(calls.at(-1)).toBe('runTimed 500');
  });

  test('gives a library that cannot run the case, or is unavailable, a null value with the reason', async () => {
    const clock = { time: 0 };
    const log: string[] = [];
    const rows = await measureCase(
      dispatch,
      [
        fakeContender('tfjs-wasm', -1, clock, log),
        { lib: 'nagare-wasm', threads: 2, label: 'nagare-wasm ×2', reason: 'no worker threads here' },
        fakeContender('tfjs-cpu', 0.5, clock, log),
      ],
      { now: () => clock.time, budgetMs: 10, sampleMs: 1 },
    );
    expect(rows.map(({ lib, threads, value, note }) => ({ lib, threads, value, note }))).toEqual([
      { lib: 'tfjs-wasm', threads: 1, value: null, note: 'tfjs-wasm has no kernel for this' },
      { lib: 'nagare-wasm', threads: 2, value: null, note: 'no worker threads here' },
      { lib: 'tfjs-cpu', threads: 1, value: 500, note: undefined },
    ]);
    expect(log.filter((line) => line.startsWith('dispose'))).toEqual(['dispose tfjs-cpu']);
  });
});
