import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  // Tensors (and modules, optimizers) implement Disposable: the reference makes the declarations
  // type-check in projects whose "lib" predates Symbol.dispose (ES2022 and older).
  dts: { banner: '/// <reference lib="esnext.disposable" />' },
  sourcemap: true,
  clean: true,
  // One shared chunk for both entry points in CJS too, so the testing suites see the same Optimizer class.
  splitting: true,
  target: 'es2022',
});
