import { setFlagsFromString } from 'node:v8';
import { conv2d, getBackend, matmul, randn, type Tensor, tidy, useBackend } from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { expect, test } from 'vitest';
import { createWasmBackend, supportsRelaxedSimd, type WasmBackend } from './index';

// Node 20 validates relaxed SIMD only behind a flag (Node 22+ and Chromium by default). Setting it
// before the first compile in this test file's process lets the relaxed binary run here.
setFlagsFromString('--experimental-wasm-relaxed-simd');

function valuesOn(backend: WasmBackend, build: () => Tensor): Float32Array {
  const previous = getBackend();
  useBackend(backend);
  try {
    return tidy(() => build().dataSync() as Float32Array);
  } finally {
    useBackend(previous);
  }
}

test('the relaxed-SIMD binary is chosen where it validates and agrees with plain SIMD128', async () => {
  expect(supportsRelaxedSimd()).toBe(true);
  const relaxed = await createWasmBackend();
  const plain = await createWasmBackend({ simd: 'simd128' });
  expect(relaxed.simd).toBe('relaxed');
  expect(plain.simd).toBe('simd128');
  // Fused multiply-add rounds once instead of twice: close, not bit-identical.
  const product = () => matmul(randn([70, 300], { seed: 1 }), randn([300, 50], { seed: 2 }));
  expectAllClose(valuesOn(relaxed, product), valuesOn(plain, product), { rtol: 1e-4, atol: 1e-4 });
  const convolution = () =>
    conv2d(randn([2, 3, 9, 9], { seed: 3 }), randn([5, 3, 3, 3], { seed: 4 }), { padding: 1 });
  expectAllClose(valuesOn(relaxed, convolution), valuesOn(plain, convolution), { rtol: 1e-4, atol: 1e-4 });
  relaxed.destroy();
  plain.destroy();
});
