// Test-only: runs a suite once per backend under test (NAGARE_TEST_BACKENDS, default js).
import { describeEachBackend, testBackends } from '@nagare/tensor/testing';
import { afterAll, beforeAll, describe } from 'vitest';

const backends = await testBackends();

/**
 * `describe(name, body)` once per backend under test, that backend active while its tests run.
 * Run the package on another backend with e.g.
 * `NAGARE_TEST_BACKENDS=@nagare/wasm#createWasmBackend npx vitest run`.
 */
export function describeBackends(name: string, body: () => void): void {
  describe(name, () => describeEachBackend({ describe, beforeAll, afterAll }, backends, body));
}
