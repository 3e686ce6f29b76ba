// Runs another package's test suite on the wasm backend, e.g. from packages/autograd:
//   npx vitest run --config ../wasm/scripts/vitest-on-wasm.config.ts --root .
// The setup file makes wasm the default backend (for suites that take no injected backend), and
// NAGARE_TEST_BACKENDS makes backend-parametrized suites (`describeBackends`) run on wasm too; the
// package's own `vitest run` already covers js. CI runs this as each package's `test:wasm` task
// (scripts/test-all.mjs), which writes .test-results/vitest-wasm.json for the root summary.
import { fileURLToPath } from 'node:url';
import { nagareTestConfig } from '../../../vitest.shared';

export default nagareTestConfig({
  setupFiles: [fileURLToPath(new URL('./use-wasm-backend.ts', import.meta.url))],
  env: { NAGARE_TEST_BACKENDS: process.env.NAGARE_TEST_BACKENDS ?? '@nagare/wasm#createWasmBackend' },
  outputFile: { json: '.test-results/vitest-wasm.json' },
});
