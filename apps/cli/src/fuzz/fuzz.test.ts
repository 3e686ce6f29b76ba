import { describe, expect, test } from 'vitest';
import { FUZZ_FORMATS } from './corpus';
import { formatSummary, runFuzz } from './harness';

// Seeded: the same 1,000 cases per format on every run, so a failure reproduces from its index
// (`fuzzCase(format, index, FUZZ_SEED)`). The workers load the built packages (dist), as users do.
const FUZZ_SEED = 20261207;
const CASES = 1000;

describe('fuzz: hostile files get a typed error or load correctly, within budget', () => {
  for (const format of FUZZ_FORMATS) {
    test(`${CASES} mutated ${format} inputs`, { timeout: 600_000 }, async () => {
      const summary = await runFuzz(format, CASES, FUZZ_SEED);
      console.log(formatSummary(summary));
      for (const failure of summary.failures.slice(0, 5))
        console.log(
          `  case ${failure.index}: ${failure.kind}: ${failure.detail} ${failure.mutations?.join(',') ?? ''}`,
        );
      expect(summary.typedError + summary.loaded + summary.failures.length).toBe(CASES);
      expect(summary.failures).toEqual([]);
    });
  }
});
