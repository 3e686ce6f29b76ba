import { nagareTestConfig } from '../../vitest.shared';

// The webgpu tests are browser tests: each Node-side test bundles a page entry, serves it from
// 127.0.0.1 and runs it in headless Chromium (WebGPU on SwiftShader). See test/browser-harness.ts.
export default nagareTestConfig({ include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 600_000 });
