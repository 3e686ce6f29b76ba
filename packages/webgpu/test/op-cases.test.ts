// The shared op suite (every forward case of @nagare/tensor/testing) on the webgpu backend, in
// headless Chromium. Each case is one test, so a failure names the op and the case. Cases of ops
// without a webgpu kernel fail (UnsupportedOpError): they are gaps, not skips.
import { fileURLToPath } from 'node:url';
import { ALL_CASES } from '@nagare/tensor/testing';
import { afterAll, beforeAll, describe, test } from 'vitest';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import type { CaseResult } from './entries/op-cases';

// NAGARE_WEBGPU_OPS=add,matmul runs only those ops while a kernel is being written.
const ops = process.env.NAGARE_WEBGPU_OPS?.split(',').map((op) => op.trim());
const cases = ALL_CASES.filter((c) => !ops || ops.includes(c.op));

describe.skipIf(browserSkipReason !== null)(`op cases on webgpu ${browserSkipReason ?? ''}`, () => {
  const results = new Map<string, CaseResult>();

  beforeAll(async () => {
    const entry = fileURLToPath(new URL('./entries/op-cases.ts', import.meta.url));
    for (const result of await runInBrowser<CaseResult[]>(entry, 'runCases', { ops })) {
      results.set(`${result.op}: ${result.name}`, result);
    }
  }, 900_000);
  afterAll(closeBrowser);

  for (const c of cases) {
    const key = `${c.op}: ${c.name}`;
    test(key, (context) => {
      const result = results.get(key);
      if (!result) throw new Error(`${key}: the browser reported no result`);
      if (result.skipped) context.skip(result.skipped);
      if (result.problem) throw new Error(`${key}: ${result.problem}`);
    });
  }
});
