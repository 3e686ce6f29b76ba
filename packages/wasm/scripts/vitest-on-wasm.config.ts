// Runs another package's test suite with the wasm backend as the default backend, e.g. from
// packages/autograd:  npx vitest run --config ../wasm/scripts/vitest-on-wasm.config.ts --root .
import { fileURLToPath } from 'node:url';
import { nagareTestConfig } from '../../../vitest.shared';

export default nagareTestConfig({
  setupFiles: [fileURLToPath(new URL('./use-wasm-backend.ts', import.meta.url))],
  reporters: ['default'],
});
