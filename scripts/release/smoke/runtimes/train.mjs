// Runtime matrix: trains a 2-128-128-2 MLP for a few Adam steps on the js backend, or on the wasm
// backend with the thread count given (`train.mjs js` | `train.mjs wasm <threads>`). On wasm the
// losses must match the js backend's (the same seeded run), the backend must run the threads it was
// asked for and really split kernels across them (the 128×128×128 products are large enough), and
// the SIMD build it loaded must be the one the engine validates.
import assert from 'node:assert/strict';
import '@nagare/autograd';
import { crossEntropy, Linear, Sequential, Tanh } from '@nagare/layers';
import { Adam } from '@nagare/optimizers';
import { createJsBackend, getBackend, memory, randn, tensor, tidy, useBackend } from '@nagare/tensor';
import { createWasmBackend, supportsRelaxedSimd } from '@nagare/wasm';

const STEPS = 20;

function trainLosses() {
  const x = randn([128, 2], { seed: 3 });
  const rows = x.toArray();
  // Label a point by the quadrant it falls in (XOR of the signs): not linearly separable.
  const labels = tensor(
    rows.map(([a, b]) => (a * b > 0 ? 1 : 0)),
    { dtype: 'int32' },
  );
  const model = new Sequential(
    new Linear(2, 128, { seed: 1 }),
    new Tanh(),
    new Linear(128, 128, { seed: 2 }),
    new Tanh(),
    new Linear(128, 2, { seed: 3 }),
  );
  const optimizer = new Adam(model.parameters(), { lr: 0.05 });
  const losses = [];
  for (let step = 0; step < STEPS; step++) {
    losses.push(
      tidy(() => {
        const loss = crossEntropy(model.call(x), labels);
        loss.backward();
        return loss.item();
      }),
    );
    optimizer.step();
    optimizer.zeroGrad();
  }
  optimizer.dispose();
  for (const t of [x, labels, ...model.parameters()]) t.dispose();
  assert.equal(memory().tensors, 0, 'a training run leaves no live tensors');
  assert.ok(losses.at(-1) < 0.8 * losses[0], `the loss fell from ${losses[0]} to ${losses.at(-1)}`);
  return losses;
}

const [backendName = 'js', threadText = '1'] = process.argv.slice(2);
useBackend(createJsBackend());
const reference = trainLosses();
if (backendName === 'js') {
  console.log(`js: loss ${reference[0].toFixed(4)} → ${reference.at(-1).toFixed(4)} in ${STEPS} steps`);
} else {
  const threads = Number(threadText);
  const backend = await createWasmBackend({ threads });
  useBackend(backend);
  assert.equal(getBackend().name, 'wasm');
  assert.equal(backend.threads, threads, `asked for ${threads} threads, runs ${backend.threads}`);
  assert.equal(backend.simd, supportsRelaxedSimd() ? 'relaxed' : 'simd128');
  const losses = trainLosses();
  if (threads > 1) assert.ok(backend.parallelKernels > 0, 'no kernel was split across the threads');
  for (const [step, loss] of losses.entries()) {
    const gap = Math.abs(loss - reference[step]);
    assert.ok(gap <= 1e-3 * (1 + reference[step]), `step ${step}: wasm ${loss}, js ${reference[step]}`);
  }
  useBackend(createJsBackend());
  backend.destroy();
  console.log(
    `wasm (${backend.simd}, ${threads} thread${threads > 1 ? `s, ${backend.parallelKernels} kernels split` : ''}): loss ${losses[0].toFixed(4)} → ${losses.at(-1).toFixed(4)}, matches js`,
  );
}
