// Each case of test/entries/agreement.ts runs on js and on webgpu in Chromium; one test per case.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import { AGREEMENT_CASES } from './entries/agreement';

describe.skipIf(browserSkipReason !== null)(`webgpu agrees with js ${browserSkipReason ?? ''}`, () => {
  const results = new Map<string, string | null>();

  beforeAll(async () => {
    const entry = fileURLToPath(new URL('./entries/agreement.ts', import.meta.url));
    const reported = await runInBrowser<{ name: string; problem: string | null }[]>(entry, 'runAgreement');
    for (const { name, problem } of reported) results.set(name, problem);
  }, 300_000);
  afterAll(closeBrowser);

  for (const name of AGREEMENT_CASES) {
    test(name, () => {
      if (!results.has(name)) throw new Error(`${name}: the browser reported no result`);
      const problem = results.get(name);
      if (problem) throw new Error(`${name}: ${problem}`);
    });
  }
});
