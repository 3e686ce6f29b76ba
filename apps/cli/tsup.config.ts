import { defineConfig } from 'tsup';

// The CLI is one ESM file for Node; the @nagare/* packages and the npm dependencies stay external
// (resolved from node_modules at run time), so a fix in a package needs no CLI rebuild.
export default defineConfig({
  entry: { cli: 'src/bin.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  clean: true,
  banner: { js: '#!/usr/bin/env node' },
});
