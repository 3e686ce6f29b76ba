// Per-op and per-step overheads outside the kernels, on the wasm backend (1 thread): one Adam step
// of a tiny 2-64-64-2 ReLU MLP (batch 32) and of a 784-256-128-10 MLP (batch 64) through layers,
// autograd and optimizers; `fit` against a hand-written loop over the same batches; and the
// dispatch of a 10-element `add`. Medians of interleaved rounds. A local measurement, not a test:
//   cd packages/wasm && node --experimental-wasm-relaxed-simd --import tsx \
//     scripts/measure-tiny-step.ts [--rounds 15] [--only tiny|big|fit|add] [--cpu] [--profile-loop N]
// with TSX_TSCONFIG_PATH=../../tsconfig.paths.json in the environment, so tsx resolves the
// workspace packages to their sources.
import '@nagare/autograd';
import { DataLoader, TensorDataset } from '@nagare/data';
import { crossEntropy, Linear, ReLU, Sequential } from '@nagare/layers';
import { Adam } from '@nagare/optimizers';
import { add, keep, memory, randint, randn, type Tensor, tidy, useBackend } from '@nagare/tensor';
import { fit } from '@nagare/train';
import { createWasmBackend } from '../src/index';

const argValue = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const ROUNDS = Number(argValue('--rounds', '15'));
const ONLY = argValue('--only', '');
const PROFILE_LOOP = Number(argValue('--profile-loop', '0'));

useBackend(await createWasmBackend());

function mlp(sizes: readonly number[]): Sequential {
  const layers = [];
  for (let i = 0; i < sizes.length - 1; i++) {
    layers.push(new Linear(sizes[i], sizes[i + 1], { seed: i }));
    if (i < sizes.length - 2) layers.push(new ReLU());
  }
  return new Sequential(...layers);
}

/** A step function and its batch, ready to run many times. */
function makeStep(sizes: readonly number[], batch: number): () => void {
  const model = mlp(sizes);
  const optimizer = new Adam(model.parameters(), { lr: 1e-3 });
  const x = keep(randn([batch, sizes[0]], { seed: 99 }));
  const y = keep(randint(0, sizes.at(-1) as number, [batch], { seed: 98 }));
  return () =>
    tidy(() => {
      const loss = crossEntropy(model.call(x), y);
      loss.backward();
      optimizer.step();
      optimizer.zeroGrad();
    });
}

const SAMPLES = 2048;
const FIT_BATCH = 32;

/**
 * `fit` for one epoch, and the same steps in hand-written loops over the same batches: premade
 * batch tensors (`handEpoch`), or batches loaded from the same DataLoader with the loss read every
 * step, as `fit` does (`loaderEpoch`).
 */
function makeFitPair(): { fitEpoch: () => Promise<void>; handEpoch: () => void; loaderEpoch: () => void } {
  const xs = keep(randn([SAMPLES, 2], { seed: 1 }));
  const ys = keep(randint(0, 2, [SAMPLES], { seed: 2 }));
  const dataset = new TensorDataset(xs, ys);
  const fitModel = mlp([2, 64, 64, 2]);
  const fitOptimizer = new Adam(fitModel.parameters(), { lr: 1e-3 });
  const handModel = mlp([2, 64, 64, 2]);
  const handOptimizer = new Adam(handModel.parameters(), { lr: 1e-3 });
  const loader = new DataLoader<Tensor[], Tensor[]>(dataset, { batchSize: FIT_BATCH, shuffle: false });
  const batches = loader.batches(0).map((indices) => loader.load(indices).map((t) => keep(t)));
  return {
    fitEpoch: async () => {
      await fit(fitModel, {
        train: dataset,
        optimizer: fitOptimizer,
        loss: crossEntropy,
        epochs: 1,
        batchSize: FIT_BATCH,
        shuffle: false,
      });
    },
    handEpoch: () => {
      for (const [x, y] of batches) {
        tidy(() => {
          const loss = crossEntropy(handModel.call(x), y);
          loss.backward();
          handOptimizer.step();
          handOptimizer.zeroGrad();
        });
      }
    },
    loaderEpoch: () => {
      for (const indices of loader.batches(0)) {
        tidy(() => {
          const [x, y] = loader.load(indices);
          const loss = crossEntropy(handModel.call(x), y);
          loss.item();
          loss.backward();
          handOptimizer.step();
          handOptimizer.zeroGrad();
        });
      }
    },
  };
}

// On a shared machine wall time mostly measures the neighbours: `--cpu` reports this process's CPU
// time (user + system, all its threads) instead, which waiting for a core does not inflate.
const USE_CPU_TIME = process.argv.includes('--cpu');
const now = (): number => {
  if (!USE_CPU_TIME) return performance.now();
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

function timeLoop(fn: () => void, iterations: number): number {
  const start = now();
  for (let i = 0; i < iterations; i++) fn();
  return (now() - start) / iterations;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = now();
  await fn();
  return now() - start;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const tinyStep = makeStep([2, 64, 64, 2], 32);
const a = keep(randn([10], { seed: 3 }));
const b = keep(randn([10], { seed: 4 }));
const addOnce = () => add(a, b).dispose();
const { fitEpoch, handEpoch, loaderEpoch } = makeFitPair();
if (PROFILE_LOOP > 0) {
  // For `node --cpu-prof`: the tiny step (`--only add`: the add; `--only fit`: fit epochs) many times.
  if (ONLY === 'fit') for (let i = 0; i < PROFILE_LOOP; i++) await fitEpoch();
  else {
    const loop = ONLY === 'add' ? addOnce : tinyStep;
    for (let i = 0; i < PROFILE_LOOP; i++) loop();
  }
  console.log(`ran ${PROFILE_LOOP} iterations`);
  process.exit(0);
}
const bigStep = makeStep([784, 256, 128, 10], 64);

const results: Record<string, number[]> = { tiny: [], big: [], add: [], fit: [], hand: [], loader: [] };
const wants = (name: string) => ONLY === '' || ONLY === name;
for (let i = 0; i < 50; i++) tinyStep();
for (let i = 0; i < 3; i++) bigStep();
handEpoch();
await fitEpoch();
const tensorsBefore = memory().tensors;
for (let round = 0; round < ROUNDS; round++) {
  if (wants('tiny')) results.tiny.push(timeLoop(tinyStep, 200));
  if (wants('big')) results.big.push(timeLoop(bigStep, 10));
  if (wants('add')) results.add.push(timeLoop(addOnce, 20_000) * 1000);
  if (wants('fit')) {
    results.hand.push(timeLoop(handEpoch, 1));
    results.loader.push(timeLoop(loaderEpoch, 1));
    results.fit.push(await timeAsync(fitEpoch));
  }
}
const tensorsAfter = memory().tensors;
const report = (label: string, values: number[], unit: string, digits: number) => {
  if (values.length)
    console.log(`${label}: ${median(values).toFixed(digits)} ${unit} (median of ${values.length})`);
};
report('tiny MLP 2-64-64-2 b32 Adam step', results.tiny, 'ms', 4);
report('MLP 784-256-128-10 b64 Adam step', results.big, 'ms', 3);
report('add 10 elements dispatch', results.add, 'µs', 3);
report(`hand loop epoch (${SAMPLES / FIT_BATCH} steps)`, results.hand, 'ms', 2);
report(`hand loop over the loader (${SAMPLES / FIT_BATCH} steps)`, results.loader, 'ms', 2);
report(`fit epoch (${SAMPLES / FIT_BATCH} steps)`, results.fit, 'ms', 2);
if (results.fit.length) {
  const fit = median(results.fit);
  const ratios = `${(fit / median(results.hand)).toFixed(2)}, over the loader ${(fit / median(results.loader)).toFixed(2)}`;
  console.log(`fit / hand loop: ${ratios}`);
}
console.log(`live tensors before/after the rounds: ${tensorsBefore} / ${tensorsAfter}`);
process.exit(0);
