// One training step of a 784-256-128-10 ReLU MLP (batch 64, Adam) with hand-written gradients,
// timed on the wasm backend (1 and 2 threads) and the js backend. A local measurement, not a test:
//   npx tsx --tsconfig ../../tsconfig.paths.json scripts/measure-train.ts
import {
  adamUpdate,
  add,
  type Backend,
  createJsBackend,
  keep,
  matmul,
  mul,
  oneHot,
  randint,
  randn,
  relu,
  softmax,
  step,
  sub,
  sum,
  type Tensor,
  tidy,
  useBackend,
  zerosLike,
} from '@nagare/tensor';
import { createWasmBackend } from '../src/index';

const SIZES = [784, 256, 128, 10];
const BATCH = 64;

function mlpStep(backend: Backend): number {
  useBackend(backend);
  const layers = SIZES.slice(1).map((n, i) => ({
    w: keep(mul(randn([SIZES[i], n], { seed: i }), 0.05)),
    b: keep(mul(randn([n], { seed: 10 + i }), 0)),
  }));
  const state = layers
    .flatMap((l) => [l.w, l.b])
    .map((t) => ({ t, m: keep(zerosLike(t)), v: keep(zerosLike(t)) }));
  const x = keep(randn([BATCH, 784], { seed: 99 }));
  const y = keep(oneHot(randint(0, 10, [BATCH], { seed: 98 }), 10));
  let count = 0;
  const run = () =>
    tidy(() => {
      const activations: Tensor[] = [x];
      const preactivations: Tensor[] = [];
      for (const [i, layer] of layers.entries()) {
        const z = add(matmul(activations[i], layer.w), layer.b);
        preactivations.push(z);
        activations.push(i < layers.length - 1 ? relu(z) : z);
      }
      // Softmax cross-entropy: d loss / d logits = (softmax − onehot) / batch.
      let delta = sub(softmax(activations[layers.length]), y).div(BATCH);
      const grads: Tensor[] = [];
      for (let l = layers.length - 1; l >= 0; l--) {
        grads[2 * l] = matmul(activations[l], delta, { transposeA: true });
        grads[2 * l + 1] = sum(delta, 0);
        if (l > 0) delta = mul(matmul(delta, layers[l].w, { transposeB: true }), step(preactivations[l - 1]));
      }
      count++;
      for (const [i, s] of state.entries()) {
        adamUpdate(
          s.t,
          grads[i],
          { m: s.m, v: s.v },
          { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: count },
        );
      }
    });
  for (let i = 0; i < 5; i++) run();
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < (process.argv.includes('--one') ? 40 : 5); round++) {
    const start = performance.now();
    for (let i = 0; i < 10; i++) run();
    best = Math.min(best, (performance.now() - start) / 10);
  }
  return best;
}

for (const [label, create] of [
  ['wasm 1t', () => createWasmBackend()],
  ...(process.argv.includes('--one')
    ? []
    : ([['wasm 2t', () => createWasmBackend({ threads: 2 })]] as const)),
  ...(process.argv.includes('--one') ? [] : ([['js', async () => createJsBackend()]] as const)),
] as const) {
  const backend = await create();
  const ms = mlpStep(backend);
  console.log(`${label} MLP step: ${ms.toFixed(2)} ms, ${((BATCH / ms) * 1000).toFixed(0)} samples/s`);
  backend.destroy?.();
}
process.exit(0);
