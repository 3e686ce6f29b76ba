// The portable suites on webgpu in Chromium (SwiftShader): float32 gradchecks, every layer type and
// every optimizer against the js backend, and the stored ONNX conformance cases against a floor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SuiteReport } from '@nagare/autograd/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { readCaseFiles } from '../../../apps/conformance/src/case-files';
import { listCases } from '../../../apps/conformance/src/suite';
import { browserSkipReason, closeBrowser, runInBrowser } from './browser-harness';
import type { EncodedCase } from './entries/portable-suites';

const ENTRY = fileURLToPath(new URL('./entries/portable-suites.ts', import.meta.url));
const CASES = fileURLToPath(new URL('../../../../shared/conformance/onnx-node', import.meta.url));
/** The cases that pass on webgpu (conformance-floor.json): CI fails when fewer pass. */
const FLOOR = JSON.parse(readFileSync(new URL('./conformance-floor.json', import.meta.url), 'utf8')) as {
  passed: number;
};

const failures = (report: SuiteReport) =>
  report.results.filter((result) => !result.passed).map((result) => `${result.name}: ${result.message}`);

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe.skipIf(browserSkipReason !== null)(`portable suites on webgpu ${browserSkipReason ?? ''}`, () => {
  afterAll(closeBrowser);

  for (const suite of ['gradchecks', 'layers', 'optimizers'] as const) {
    test(`${suite}: every case passes`, async () => {
      const report = await runInBrowser<SuiteReport>(ENTRY, suite);
      console.log(`${suite} on webgpu: ${report.passed} of ${report.total} passed`);
      expect(report.backend).toBe('webgpu');
      expect(report.total).toBeGreaterThan(10);
      expect(failures(report)).toEqual([]);
    }, 600_000);
  }

  test(`ONNX conformance: at least ${FLOOR.passed} stored cases pass, and no case crashes`, async () => {
    const cases: EncodedCase[] = listCases(CASES).map((name) => {
      const files = readCaseFiles(join(CASES, name));
      return {
        name,
        model: base64(files.model),
        dataSets: files.dataSets.map((set) => ({
          name: set.name,
          inputs: set.inputs.map(base64),
          outputs: set.outputs.map(base64),
        })),
      };
    });
    const results = await runInBrowser<{ name: string; status: string; detail?: string }[]>(
      ENTRY,
      'conformance',
      {
        cases,
      },
    );
    const passed = results.filter((result) => result.status === 'pass').length;
    const byStatus = (status: string) => results.filter((result) => result.status === status);
    console.log(
      `ONNX conformance on webgpu: ${passed} of ${results.length} passed; not passed: ${results
        .filter((result) => result.status !== 'pass')
        .map((result) => `${result.name} (${result.status}: ${(result.detail ?? '').slice(0, 80)})`)
        .join('; ')}`,
    );
    expect(results).toHaveLength(cases.length);
    expect(byStatus('fail').filter((result) => /crash/.test(result.detail ?? ''))).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(FLOOR.passed);
  }, 900_000);
});
