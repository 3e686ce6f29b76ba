// Shared vitest settings. Tests resolve every @nagare/* import to the package's TypeScript source,
// so a package's tests never need its dependencies built first and all packages share one copy of
// the tensor engine (one backend, one op registry) inside a test run.
import { fileURLToPath } from 'node:url';
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const PACKAGES = ['tensor', 'autograd', 'wasm', 'webgpu', 'layers', 'optimizers', 'data', 'train', 'io'];

const source = (path: string) => fileURLToPath(new URL(`./packages/${path}`, import.meta.url));

export const nagareAliases = [
  ...PACKAGES.flatMap((name) => [
    { find: new RegExp(`^@nagare/${name}/testing$`), replacement: source(`${name}/src/testing/index.ts`) },
    { find: new RegExp(`^@nagare/${name}/models$`), replacement: source(`${name}/src/models/index.ts`) },
    { find: new RegExp(`^@nagare/${name}$`), replacement: source(`${name}/src/index.ts`) },
  ]),
  { find: /^nagare$/, replacement: source('nagare/src/index.ts') },
];

/** The vitest config of a package: its tests beside the code, a JSON report for the root summary. */
export function nagareTestConfig(test: NonNullable<ViteUserConfig['test']> = {}): ViteUserConfig {
  return defineConfig({
    resolve: { alias: nagareAliases },
    test: {
      include: ['src/**/*.test.ts'],
      reporters: ['default', 'json'],
      outputFile: { json: '.test-results/vitest.json' },
      testTimeout: 60_000,
      passWithNoTests: true,
      ...test,
    },
  });
}
