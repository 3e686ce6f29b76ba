import { defineConfig } from 'tsup';

// The runner is a Node CLI: one ESM file; the @nagare/* packages stay external (their built dist).
export default defineConfig({
  entry: { cli: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
});
