import { nagareTestConfig } from '../../vitest.shared';

export default nagareTestConfig();
