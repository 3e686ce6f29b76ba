import {
  adamUpdate,
  add,
  type Backend,
  createJsBackend,
  keep,
  logSoftmax,
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

for (const backend of [
  await createWasmBackend(),
  await createWasmBackend({ threads: 2 }),
  createJsBackend(),
] as Backend[]) {
  useBackend(backend);
  const sizes = [784, 256, 128, 10];
  const params = sizes
    .slice(1)
    .map((n, i) => ({
      w: keep(randn([sizes[i], n], { seed: i }).mul(0.05)),
      b: keep(randn([n], { seed: 10 + i }).mul(0)),
    }));
  const state = params
    .flatMap((p) => [p.w, p.b])
    .map((t) => ({ t, m: keep(zerosLike(t)), v: keep(zerosLike(t)) }));
  const x = keep(randn([64, 784], { seed: 99 }));
  const y = keep(oneHot(randint(0, 10, [64], { seed: 98 }), 10));
  let k = 0;
  const stepFn = () =>
    tidy(() => {
      const acts: Tensor[] = [x];
      const pre: Tensor[] = [];
      for (const p of params) {
        const z = add(matmul(acts[acts.length - 1], p.w), p.b);
        pre.push(z);
        acts.push(pre.length < 3 ? relu(z) : z);
      }
      let d = sub(softmax(acts[3]), y).div(64);
      const grads: Tensor[] = [];
      for (let l = 2; l >= 0; l--) {
        grads[2 * l] = matmul(acts[l], d, { transposeA: true });
        grads[2 * l + 1] = sum(d, 0);
        if (l > 0) d = mul(matmul(d, params[l].w, { transposeB: true }), step(pre[l - 1]));
      }
      k++;
      state.forEach((s, i) =>
        adamUpdate(
          s.t,
          grads[i],
          { m: s.m, v: s.v },
          { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, step: k },
        ),
      );
    });
  for (let i = 0; i < 5; i++) stepFn();
  let best = Infinity;
  for (let r = 0; r < 5; r++) {
    const t = performance.now();
    for (let i = 0; i < 10; i++) stepFn();
    best = Math.min(best, (performance.now() - t) / 10);
  }
  console.log(
    backend.name,
    (backend as any).threads ?? '',
    best.toFixed(2),
    'ms/step',
    ((64 / best) * 1000).toFixed(0),
    'samples/s',
  );
  (backend as any).destroy?.();
}
process.exit(0);
