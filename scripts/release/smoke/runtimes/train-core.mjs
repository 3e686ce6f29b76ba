// The training run of the runtime matrix, shared by train.mjs (Node, Bun, Deno) and the Chromium page
// (smoke/runtimes-browser/): a 2-128-128-2 MLP, 20 Adam steps on 128 seeded points. The 128×128×128
// products are large enough that a 2-thread wasm backend splits them across its threads.
import '@nagare/autograd';
import { crossEntropy, Linear, Sequential, Tanh } from '@nagare/layers';
import { Adam } from '@nagare/optimizers';
import { createJsBackend, getBackend, memory, randn, tensor, tidy, useBackend } from '@nagare/tensor';
import { createWasmBackend, supportsRelaxedSimd } from '@nagare/wasm';

const STEPS = 20;

function check(isOk, message) {
  if (!isOk) throw new Error(message);
}

/** Trains on the current backend; returns the loss of every step. Frees every tensor it made. */
function trainLosses() {
  const x = randn([128, 2], { seed: 3 });
  // Label a point by the quadrant it falls in (XOR of the signs): not linearly separable.
  const labels = tensor(
    x.toArray().map(([a, b]) => (a * b > 0 ? 1 : 0)),
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
  check(memory().tensors === 0, `a training run left ${memory().tensors} live tensors`);
  check(losses.at(-1) < 0.8 * losses[0], `the loss only fell from ${losses[0]} to ${losses.at(-1)}`);
  return losses;
}

/** Trains on the js backend; returns a one-line note. */
export function trainOnJs() {
  useBackend(createJsBackend());
  const losses = trainLosses();
  return `js: loss ${losses[0].toFixed(4)} → ${losses.at(-1).toFixed(4)} in ${STEPS} steps`;
}

/**
 * Trains on js, then on a wasm backend with `threads`, and checks the wasm run: the same losses
 * as js, the threads it was asked for (kernels really split across them) and the SIMD build the
 * engine validates. Returns a one-line note naming the build.
 */
export async function trainOnWasm(threads) {
  useBackend(createJsBackend());
  const reference = trainLosses();
  const backend = await createWasmBackend({ threads });
  useBackend(backend);
  try {
    check(getBackend().name === 'wasm', `the backend is ${getBackend().name}`);
    check(backend.threads === threads, `asked for ${threads} threads, runs ${backend.threads}`);
    const expected = supportsRelaxedSimd() ? 'relaxed' : 'simd128';
    check(backend.simd === expected, `loaded the ${backend.simd} build, the engine validates ${expected}`);
    const losses = trainLosses();
    if (threads > 1) check(backend.parallelKernels > 0, 'no kernel was split across the threads');
    for (const [step, loss] of losses.entries()) {
      const gap = Math.abs(loss - reference[step]);
      check(gap <= 1e-3 * (1 + reference[step]), `step ${step}: wasm ${loss}, js ${reference[step]}`);
    }
    const split = threads > 1 ? `s, ${backend.parallelKernels} kernels split` : '';
    return `wasm (${backend.simd}, ${threads} thread${split}): loss ${losses[0].toFixed(4)} → ${losses.at(-1).toFixed(4)}, matches js`;
  } finally {
    useBackend(createJsBackend());
    backend.destroy();
  }
}
