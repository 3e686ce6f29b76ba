import { matmul, randn, tidy, useBackend } from '@nagare/tensor';
import { createWasmBackend } from '../src/index';

useBackend(await createWasmBackend());
function best(fn: () => void, n = 30) {
  let b = Infinity;
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    tidy(() => {
      fn();
    });
    b = Math.min(b, performance.now() - t);
  }
  return b;
}
const x = randn([64, 784], { seed: 1 }),
  w = randn([784, 256], { seed: 2 }),
  d = randn([64, 256], { seed: 3 });
const f = (2 * 64 * 784 * 256) / 1e6;
for (const [name, fn] of [
  ['fwd', () => matmul(x, w)],
  ['dW (TN)', () => matmul(x, d, { transposeA: true })],
  ['dX (NT)', () => matmul(d, w, { transposeB: true })],
] as const) {
  const t = best(fn);
  console.log(name, t.toFixed(3), 'ms', (f / t).toFixed(1), 'GFLOP/s');
}
process.exit(0);
