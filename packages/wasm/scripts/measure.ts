// Quick local measurements of the wasm backend against itself (1 vs 2 threads, plain vs relaxed
// SIMD). Reports the best of repeated runs. Not a test and not the peer benchmark (that is bench/): run with
//   npx tsx --tsconfig ../../tsconfig.paths.json scripts/measure.ts [--relaxed] [case…]

import { setFlagsFromString } from 'node:v8';
import {
  add,
  conv2d,
  cos,
  exp,
  expm1,
  log1p,
  matmul,
  randn,
  relu,
  sin,
  softplus,
  sum,
  type Tensor,
  tidy,
  useBackend,
} from '@nagare/tensor';
import { createWasmBackend } from '../src/index';

// `--relaxed`: let Node 20 validate the relaxed-SIMD binary (Node 22+ does by default).
if (process.argv.includes('--relaxed')) setFlagsFromString('--experimental-wasm-relaxed-simd');

/** Fastest seconds per call of `fn` (after warm-up) over about `budget` seconds: on a shared,
 * loaded machine the minimum is the least noisy estimate of what the code itself costs. */
function time(fn: () => void, budget = 0.5): number {
  for (let i = 0; i < 3; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (performance.now() - start < budget * 1000 || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) / 1000);
  }
  return Math.min(...samples);
}

function timeBatch(fn: () => void, count: number): number {
  return (
    time(() => {
      for (let i = 0; i < count; i++) fn();
    }) / count
  );
}

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const runs = (name: string) => wanted.length === 0 || wanted.some((w) => name.startsWith(w));

for (const threads of [1, 2]) {
  const backend = await createWasmBackend({ threads });
  useBackend(backend);
  const label = `wasm ${backend.simd} ${threads}t`;
  for (const n of [128, 256, 512, 1024]) {
    if (!runs(`matmul${n}`)) continue;
    const a = randn([n, n], { seed: 1 });
    const b = randn([n, n], { seed: 2 });
    const s = time(() => matmul(a, b).dispose());
    console.log(`${label} matmul ${n}: ${((2 * n ** 3) / s / 1e9).toFixed(2)} GFLOP/s`);
  }
  for (const [shape, out] of [
    [[64, 1, 28, 28], 32],
    [[32, 64, 32, 32], 64],
  ] as const) {
    if (!runs('conv')) continue;
    const x = randn([...shape], { seed: 3 });
    const w = randn([out, shape[1], 3, 3], { seed: 4 });
    const flops = 2 * shape[0] * out * shape[2] * shape[3] * shape[1] * 9;
    const s = time(() => conv2d(x, w, { padding: 'same' }).dispose());
    console.log(`${label} conv [${shape}]→${out}: ${(flops / s / 1e9).toFixed(2)} GFLOP/s`);
  }
  if (runs('elementwise')) {
    const x = randn([1_000_000], { seed: 5 });
    const y = randn([1_000_000], { seed: 6 }).abs();
    const cases: [string, () => Tensor][] = [
      ['add', () => add(x, y)],
      ['relu', () => relu(x)],
      ['exp', () => exp(x)],
      ['expm1', () => expm1(x)],
      ['log1p', () => log1p(y)],
      ['sin', () => sin(x)],
      ['cos', () => cos(x)],
      ['softplus', () => softplus(x)],
      ['sum', () => sum(x)],
    ];
    for (const [name, fn] of cases) {
      const s = time(() => fn().dispose());
      console.log(`${label} ${name} 1e6: ${(1e6 / s / 1e6).toFixed(0)} Melem/s`);
    }
  }
  if (runs('dispatch')) {
    const a = randn([10], { seed: 7 });
    const b = randn([10], { seed: 8 });
    const s = timeBatch(() => add(a, b).dispose(), 10_000);
    console.log(`${label} dispatch add 10: ${(s * 1e6).toFixed(3)} µs/op`);
  }
  tidy(() => undefined);
  backend.destroy?.();
}
process.exit(0);
