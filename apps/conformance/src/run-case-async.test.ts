import { join } from 'node:path';
import { createJsBackend, getBackend, useBackend } from '@nagare/tensor';
import { asyncOnlyBackend, corruptKernel, testBackends } from '@nagare/tensor/testing';
import { afterEach, describe, expect, test } from 'vitest';
import { readCaseFiles } from './case-files';
import { runCaseAsync } from './run-case-async';
import { listCases, runCase } from './suite';

const DIR = join(__dirname, '../../../../shared/conformance/onnx-node');
const original = getBackend();
afterEach(() => useBackend(original));

describe('runCaseAsync', () => {
  test('classifies every stored ONNX case as the synchronous runner does, with async-only reads', async () => {
    const backends = await testBackends();
    for (const backend of backends) {
      const disagreements: string[] = [];
      for (const name of listCases(DIR)) {
        useBackend(backend);
        const sync = runCase(join(DIR, name), name);
        useBackend(asyncOnlyBackend(backend));
        const deferred = await runCaseAsync(readCaseFiles(join(DIR, name)), name);
        if (deferred.status !== sync.status)
          disagreements.push(`${name}: ${sync.status} → ${deferred.status} ${deferred.detail}`);
      }
      expect(disagreements).toEqual([]);
    }
  }, 300_000);

  test('fails a case whose kernel is wrong and names the difference', async () => {
    useBackend(asyncOnlyBackend(corruptKernel(createJsBackend(), 'relu')));
    const result = await runCaseAsync(readCaseFiles(join(DIR, 'test_relu')), 'test_relu');
    expect(result.status).toBe('fail');
    expect(result.detail).toMatch(/first mismatch/);
  });
});
