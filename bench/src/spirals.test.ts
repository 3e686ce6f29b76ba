import { describe, expect, test } from 'vitest';
import { spiralBatches, spiralPoints } from './spirals';

describe('spiralPoints', () => {
  test('are the same on every call, alternate the two classes and lie within the unit disc', () => {
    const { points, labels } = spiralPoints(64);
    expect(spiralPoints(64)).toEqual({ points, labels });
    expect(Array.from(labels.subarray(0, 4))).toEqual([0, 1, 0, 1]);
    for (let i = 0; i < 64; i++) expect(Math.hypot(points[2 * i], points[2 * i + 1])).toBeLessThan(1.05);
  });

  test('the second arm is the first turned by half a circle', () => {
    const { points } = spiralPoints(8);
    // Points 2 and 3 share their place along the arm (the wobble differs slightly).
    expect(points[4] * points[6] + points[5] * points[7]).toBeLessThan(0);
  });
});

describe('spiralBatches', () => {
  test('cut the points into consecutive batches, each holding both classes', () => {
    const batches = spiralBatches(32, 4);
    const { points } = spiralPoints(128);
    expect(batches).toHaveLength(4);
    expect(batches[2].points).toEqual(points.subarray(128, 192));
    for (const batch of batches) expect(new Set(batch.labels)).toEqual(new Set([0, 1]));
  });
});
