import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { getBackend } from '../engine/active-backend';
import { ArgumentError } from '../errors/argument-error';
import { describeEachBackend, testBackends } from './backends';

const fixture = new URL('./__fixtures__/renamed-backend.ts', import.meta.url).pathname;

test('testBackends defaults to the js backend', async () => {
  // CI also runs this suite with NAGARE_TEST_BACKENDS naming wasm: test the default without it.
  vi.stubEnv('NAGARE_TEST_BACKENDS', undefined);
  try {
    expect((await testBackends()).map((b) => b.name)).toEqual(['js']);
  } finally {
    vi.unstubAllEnvs();
  }
});

test('testBackends loads module#factory entries in order', async () => {
  const backends = await testBackends(` js , ${fixture}#createRenamedBackend`);
  expect(backends.map((b) => b.name)).toEqual(['js', 'renamed']);
});

test('testBackends rejects malformed entries and missing exports', async () => {
  await expect(testBackends('@nagare/wasm')).rejects.toBeInstanceOf(ArgumentError);
  await expect(testBackends(`${fixture}#noSuchExport`)).rejects.toThrow(/no function export "noSuchExport"/);
});

const initial = getBackend();
const backends = await testBackends(`js,${fixture}#createRenamedBackend`);
const seen: string[] = [];
describeEachBackend({ describe, beforeAll, afterAll }, backends, (backend) => {
  test('the backend is active inside its block', () => {
    expect(getBackend()).toBe(backend);
    seen.push(backend.name);
  });
});

test('describeEachBackend ran the body once per backend and restored the default', () => {
  expect(seen).toEqual(['js', 'renamed']);
  expect(getBackend()).toBe(initial);
});
