import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  // Tensors (and modules, optimizers) implement Disposable: the reference makes the declarations
  // type-check in projects whose "lib" predates Symbol.dispose (ES2022 and older).
  dts: { banner: '/// <reference lib="esnext.disposable" />' },
  sourcemap: true,
  clean: true,
  target: 'es2022',
});
