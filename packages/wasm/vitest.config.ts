import { nagareTestConfig } from '../../vitest.shared';

// The global setup rebuilds the wasm kernels (src/generated/) when assembly/ changed, so a plain
// `npx vitest run` always tests the current sources.
export default nagareTestConfig({ globalSetup: ['./scripts/vitest-global-setup.ts'] });
