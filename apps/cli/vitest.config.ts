import { nagareTestConfig } from '../../vitest.shared.ts';

// temp-root gives the run a private TMPDIR and removes it at the end, so tests leave nothing behind.
export default nagareTestConfig({ globalSetup: ['src/test-support/temp-root.ts'] });
