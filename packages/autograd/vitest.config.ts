import { nagareTestConfig } from '../../vitest.shared.ts';

// ~70 small test files all import the same tensor engine: sharing one module graph per worker
// (isolate: false) cuts the suite from ~35 s to ~6 s. Tests restore any global state they change
// (grad mode, hooks) and measure memory as differences, so they do not depend on file order.
export default nagareTestConfig({ isolate: false });
