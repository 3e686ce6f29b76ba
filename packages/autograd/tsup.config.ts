import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  // The testing helpers import the package by name, so they share its one recorder and engine
  // instead of bundling a second copy.
  external: ['@nagare/autograd'],
});
