import { supportsRelaxedSimd } from '@nagare/wasm';
import { expect, test } from 'vitest';
import { compileProbe } from './roofline';

test('the plain SIMD probe multiplies and adds in twelve chains and copies memory', async () => {
  const probe = await compileProbe(false);
  // One step from a = 1: 1 · 0.999999 + 0.000001 = 1 in float32; the lane returned sums the 12 chains.
  expect(probe.madd(1)).toBeCloseTo(1 + 2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12, 3);
  probe.ensurePages(2);
});

test.skipIf(!supportsRelaxedSimd())('the relaxed SIMD probe compiles and runs', async () => {
  const probe = await compileProbe(true);
  expect(Number.isFinite(probe.madd(3))).toBe(true);
});
