import { nagareTestConfig } from '../../vitest.shared.ts';

export default nagareTestConfig();
