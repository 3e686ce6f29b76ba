import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  // Tensors (and modules, optimizers) implement Disposable: the reference makes the declarations
  // type-check in projects whose "lib" predates Symbol.dispose (ES2022 and older).
  dts: { banner: '/// <reference lib="esnext.disposable" />' },
  sourcemap: true,
  clean: true,
  // The CJS build gets one shared chunk too, so require('@nagare/tensor/testing') sees the same
  // Tensor class and engine as require('@nagare/tensor') instead of a second copy.
  splitting: true,
  target: 'es2022',
});
