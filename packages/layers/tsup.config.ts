import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'models/index': 'src/models/index.ts',
    'testing/index': 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  // Tensors (and modules, optimizers) implement Disposable: the reference makes the declarations
  // type-check in projects whose "lib" predates Symbol.dispose (ES2022 and older).
  dts: { banner: '/// <reference lib="esnext.disposable" />' },
  sourcemap: true,
  clean: true,
  // One shared chunk for all entry points in CJS too, so models and the index share one Module class.
  splitting: true,
  // Summaries and error messages name layers by their class name: keep it through bundling.
  keepNames: true,
  target: 'es2022',
});
