import { describe, expect, test } from 'vitest';
import { calibrate, measure, median, timeSample } from './timing';

/** A fake clock that a run advances by a chosen number of ms. */
function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe('median', () => {
  test('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('measure', () => {
  test('reports the seconds of one run and batches fast runs into samples of about sampleMs', async () => {
    const clock = fakeClock();
    const result = await measure(() => void clock.advance(2), {
      now: clock.now,
      budgetMs: 400,
      sampleMs: 20,
    });
    expect(result.seconds).toBeCloseTo(0.002, 12);
    expect(result.runsPerSample).toBe(10);
    expect(result.samples).toBe(15); // 400 ms of 20 ms samples, capped at maxSamples
  });

  test('reports the median, so one slow outlier among the samples does not move the result', async () => {
    const clock = fakeClock();
    let calls = 0;
    // Every 7th run is 100× slower, as a GC pause or a noisy neighbour would make it.
    const run = () => void clock.advance(++calls % 7 === 0 ? 100 : 1);
    const result = await measure(run, { now: clock.now, budgetMs: 50, sampleMs: 1, maxSamples: 31 });
    expect(result.runsPerSample).toBe(1);
    expect(result.seconds).toBeCloseTo(0.001, 12);
  });

  test('awaits asynchronous runs', async () => {
    const clock = fakeClock();
    const run = async () => {
      await Promise.resolve();
      clock.advance(5);
    };
    const result = await measure(run, { now: clock.now, budgetMs: 100, sampleMs: 5 });
    expect(result.seconds).toBeCloseTo(0.005, 12);
    expect(result.runsPerSample).toBe(1);
  });

  test('takes at least minSamples samples of a run slower than the budget', async () => {
    const clock = fakeClock();
    let runs = 0;
    const run = () => {
      runs++;
      clock.advance(1000);
    };
    const result = await measure(run, { now: clock.now, budgetMs: 400, minSamples: 3 });
    expect(result.samples).toBe(3);
    expect(runs).toBe(4); // one warm-up run, then three samples of one run
    expect(result.seconds).toBe(1);
  });

  test('takes fewer than minSamples (but one) when they would exceed slowLimitMs', async () => {
    const clock = fakeClock();
    const result = await measure(() => void clock.advance(6000), { now: clock.now, slowLimitMs: 10_000 });
    expect(result.samples).toBe(1);
    expect(result.seconds).toBe(6);
  });

  test('takes the times a self-timed case reports instead of timing the calls to it', async () => {
    const clock = fakeClock();
    const counts: number[] = [];
    // Each request costs 1 ms of round trip on the caller's clock, which must not be counted.
    const selfTimed = {
      runTimed: async (count: number) => {
        counts.push(count);
        clock.advance(1);
        return 0.01 * count;
      },
    };
    const result = await measure(selfTimed, { now: clock.now, budgetMs: 40, sampleMs: 1 });
    expect(result.seconds).toBeCloseTo(0.00001, 12);
    expect(result.runsPerSample).toBe(100);
    expect(counts[0]).toBe(1); // the first run alone, then growing warm-up batches
    expect(counts.slice(-result.samples).every((count) => count === 100)).toBe(true);
  });

  test('calibrate plans the samples that timeSample then takes one at a time', async () => {
    const clock = fakeClock();
    const run = () => void clock.advance(0.5);
    const plan = await calibrate(run, { now: clock.now, budgetMs: 100, sampleMs: 5 });
    expect(plan).toEqual({ samples: 15, runsPerSample: 10, isAsync: false });
    const before = clock.now();
    expect(await timeSample(run, plan, clock.now)).toBeCloseTo(0.5, 12);
    expect(clock.now() - before).toBeCloseTo(5, 12); // one sample: ten runs
  });
});
