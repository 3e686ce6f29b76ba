// The heavy kernels on webgpu against the js backend, on shapes that span several tiles and
// workgroups and use every window attribute (the shared op cases are small, hand-checked ones).
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import type { HeavyResult } from './entries/heavy-kernels';

describe.skipIf(browserSkipReason !== null)('heavy kernels on webgpu match js', () => {
  let results: HeavyResult[] = [];

  beforeAll(async () => {
    const entry = fileURLToPath(new URL('./entries/heavy-kernels.ts', import.meta.url));
    results = await runInBrowser<HeavyResult[]>(entry, 'runHeavyKernels');
  }, 600_000);
  afterAll(closeBrowser);

  test('every check ran and matches the js backend within 1e-4', () => {
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((r) => r.problem !== null)).toEqual([]);
  });
});
