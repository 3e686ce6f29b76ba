import type { Backend } from '../backend';
import { createJsBackend } from '../backends/js/js-backend';
import { getBackend, useBackend } from '../engine/active-backend';
import { ArgumentError } from '../errors/argument-error';

/** The hooks of a test runner (vitest, jest, mocha) that `describeEachBackend` needs. */
export interface SuiteRunner {
  describe: (name: string, body: () => void) => void;
  beforeAll: (hook: () => void) => void;
  afterAll: (hook: () => void) => void;
}

type BackendFactory = () => Backend | Promise<Backend>;

function readEnvironment(): string | undefined {
  const holder = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return holder.process?.env?.NAGARE_TEST_BACKENDS;
}

async function loadFactory(entry: string): Promise<BackendFactory> {
  if (entry === 'js') return createJsBackend;
  const [specifier, exportName] = entry.split('#');
  if (!specifier || !exportName) {
    throw new ArgumentError(
      'testBackends',
      `NAGARE_TEST_BACKENDS entry "${entry}" must be "js" or "module#factoryExport"`,
    );
  }
  const loaded = (await import(/* @vite-ignore */ specifier)) as Record<string, unknown>;
  const factory = loaded[exportName];
  if (typeof factory !== 'function') {
    throw new ArgumentError('testBackends', `module "${specifier}" has no function export "${exportName}"`);
  }
  return factory as BackendFactory;
}

/**
 * The backends a backend-parametrized test suite runs on: `js` by default, or the comma-separated
 * list in the `NAGARE_TEST_BACKENDS` environment variable, each entry `js` or `module#factory`
 * (a module and the export that creates the backend). Packages never import a backend they do not
 * depend on: the backend under test is injected when the suite is run.
 *
 * @example
 * // NAGARE_TEST_BACKENDS=js,@nagare/wasm#createWasmBackend npx vitest run
 * const backends = await testBackends();
 * describeEachBackend({ describe, beforeAll, afterAll }, backends, (backend) => { test(...) });
 */
export async function testBackends(list = readEnvironment()): Promise<Backend[]> {
  const entries = (list ?? 'js')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
  const backends: Backend[] = [];
  for (const entry of entries) backends.push(await (await loadFactory(entry))());
  return backends;
}

/**
 * Registers `body`'s tests once per backend, in a `describe` block named after it, with that
 * backend active while they run (the previous one is restored after). Create tensors inside the
 * tests, not in `body` itself: `body` runs while the suite is collected.
 *
 * @example
 * describeEachBackend({ describe, beforeAll, afterAll }, await testBackends(), () => {
 *   test('adds', () => expect(add(ones([2]), 1).toArray()).toEqual([2, 2]));
 * });
 */
export function describeEachBackend(
  runner: SuiteRunner,
  backends: readonly Backend[],
  body: (backend: Backend) => void,
): void {
  for (const backend of backends) {
    runner.describe(`on ${backend.name}`, () => {
      let previous: Backend | undefined;
      runner.beforeAll(() => {
        previous = getBackend();
        useBackend(backend);
      });
      runner.afterAll(() => {
        if (previous) useBackend(previous);
      });
      body(backend);
    });
  }
}
