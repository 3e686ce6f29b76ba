// The docs tests: the guide's code blocks (type-checked and run) and the browser tests of the
// built site. Files run one at a time (a browser training MNIST wants both cores), in forked
// processes (the snippet runner changes directory). @nagare/* resolve to the built packages, as
// they would for a user of the published entry points.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/vitest.json' },
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    globalSetup: ['tests/global-setup.ts'],
  },
});
