import type { Tensor } from '@nagare/tensor';
import { createWasmBackend, type ThreadActivity, type WasmBackend } from '@nagare/wasm';
import type { SimdPreference } from '../libs/nagare';
import { buildSmallModel } from '../libs/nagare-small';
import { buildModel } from '../libs/nagare-train';
import { MNIST_PIXELS, mnistBatches } from '../mnist';
import { spiralBatches } from '../spirals';
import { median } from '../timing';
import { BackendInstrument, type KernelTotals, PHASES, type Phase, type PhaseTotals } from './instrument';

/** The training steps the profile looks at: the bench's MNIST MLP and LeNet-5, and a tiny MLP. */
export const PROFILE_MODELS = ['mlp', 'cnn', 'tiny'] as const;

/** A model of the profile. */
export type ProfileModel = (typeof PROFILE_MODELS)[number];

/** Where one training step's time went, per step (every time in milliseconds). */
export interface StepProfile {
  model: ProfileModel;
  title: string;
  threads: number;
  simd: string;
  steps: number;
  /** Median wall time of a step without the timers (the number the bench would report). */
  plainStepMs: number;
  /** Mean wall time of a step with the timers on (the sum of the phases). */
  stepMs: number;
  phases: Record<Phase, PhaseTotals>;
  /** Per op name, sorted by time. */
  kernels: [string, KernelTotals][];
  /** The calling thread's time in kernels, less what it spent waiting for workers. */
  mainBusyMs: number;
  /** Time the calling thread waited for workers inside split kernels. */
  waitMs: number;
  workerBusyMs: number[];
  /** Kernels split across threads, per step. */
  parallelRuns: number;
}

interface StepParts {
  forward(): Tensor;
  backward(loss: Tensor): void;
  optimize(): void;
  dispose(): void;
}

const TITLES: Record<ProfileModel, string> = {
  mlp: 'MLP 784-256-128-10 (ReLU), batch 64, Adam',
  cnn: 'LeNet-5 (ReLU, max-pool), batch 64, Adam',
  tiny: 'tiny MLP 2-64-64-2 (ReLU), batch 32 of two spirals, Adam',
};

/** Builds the model, its batches and Adam, as the bench's train and small suites do. */
async function prepareStep(model: ProfileModel): Promise<StepParts> {
  const [layers, zoo, { Adam }, tensorModule] = await Promise.all([
    import('@nagare/layers'),
    import('@nagare/layers/models'),
    import('@nagare/optimizers'),
    import('@nagare/tensor'),
    import('@nagare/autograd'),
  ]);
  const { tensor, tidy } = tensorModule;
  let batches: { x: Tensor; y: Tensor }[];
  let network: InstanceType<typeof layers.Sequential>;
  if (model === 'tiny') {
    network = buildSmallModel(zoo);
    batches = spiralBatches(32, 32).map((batch) => ({
      x: tensor(batch.points, { shape: [32, 2] }),
      y: tensor(batch.labels, { shape: [32] }),
    }));
  } else {
    network = buildModel(zoo, model);
    const shape = model === 'mlp' ? [64, MNIST_PIXELS] : [64, 1, 28, 28];
    batches = mnistBatches(64, 8).map((batch) => ({
      x: tensor(batch.images, { shape }),
      y: tensor(batch.labels, { shape: [64] }),
    }));
  }
  const optimizer = new Adam(network.parameters(), { lr: 1e-3 });
  let step = 0;
  let kept: Tensor | undefined;
  return {
    forward: () => {
      const { x, y } = batches[step++ % batches.length];
      kept = tidy(() => layers.crossEntropy(network.call(x), y));
      return kept;
    },
    backward: (loss) => {
      tidy(() => loss.backward());
      loss.dispose();
    },
    optimize: () => {
      optimizer.step();
      optimizer.zeroGrad();
    },
    dispose: () => {
      kept?.dispose();
      optimizer.dispose();
      network.dispose();
      for (const { x, y } of batches) {
        x.dispose();
        y.dispose();
      }
    },
  };
}

/**
 * The backend's thread activity, or none from a build of @nagare/wasm older than
 * `threadActivity()` (so the profile can also measure a baseline checkout for before/after).
 */
function activityOf(backend: WasmBackend): ThreadActivity {
  const reader = (backend as Partial<WasmBackend>).threadActivity;
  return reader
    ? reader.call(backend)
    : { parallelRuns: backend.parallelKernels, workerBusyMs: [], waitMs: 0 };
}

/** Runs `steps` training steps of `model` on a fresh wasm backend with `threads` threads and profiles them. */
export async function profileStep(
  model: ProfileModel,
  threads: number,
  options: { steps?: number; simd?: SimdPreference } = {},
): Promise<StepProfile> {
  const { useBackend, getBackend } = await import('@nagare/tensor');
  const previous = getBackend();
  const backend: WasmBackend = await createWasmBackend({ threads, simd: options.simd ?? 'auto' });
  useBackend(backend);
  try {
    const parts = await prepareStep(model);
    const runStep = () => {
      parts.backward(parts.forward());
      parts.optimize();
    };
    const steps = options.steps ?? (model === 'cnn' ? 100 : model === 'mlp' ? 200 : 2000);
    // Warm up (JIT, heap free lists), then time plain steps in short rounds for a median.
    for (let i = 0; i < Math.max(10, steps / 10); i++) runStep();
    const roundSteps = Math.max(1, Math.floor(steps / 20));
    const rounds: number[] = [];
    for (let round = 0; round < 20; round++) {
      const start = performance.now();
      for (let i = 0; i < roundSteps; i++) runStep();
      rounds.push((performance.now() - start) / roundSteps);
    }
    const instrument = new BackendInstrument(backend, () => activityOf(backend));
    try {
      const before = activityOf(backend);
      for (let i = 0; i < steps; i++) {
        const loss = instrument.time('forward', parts.forward);
        instrument.time('backward', () => parts.backward(loss));
        instrument.time('optimizer', parts.optimize);
      }
      const after = activityOf(backend);
      parts.dispose();
      const perStep = (ms: number) => ms / steps;
      const phases = Object.fromEntries(
        PHASES.map((phase) => {
          const totals = instrument.phases.get(phase)!;
          return [
            phase,
            {
              wallMs: perStep(totals.wallMs),
              kernelMs: perStep(totals.kernelMs),
              allocationMs: perStep(totals.allocationMs),
            },
          ];
        }),
      ) as Record<Phase, PhaseTotals>;
      const kernelMs = PHASES.reduce((sum, phase) => sum + phases[phase].kernelMs, 0);
      const waitMs = perStep(after.waitMs - before.waitMs);
      return {
        model,
        title: TITLES[model],
        threads: backend.threads,
        simd: backend.simd,
        steps,
        plainStepMs: median(rounds),
        stepMs: PHASES.reduce((sum, phase) => sum + phases[phase].wallMs, 0),
        phases,
        kernels: [...instrument.kernels.entries()]
          .map(([op, totals]): [string, KernelTotals] => [
            op,
            {
              calls: totals.calls / steps,
              ms: perStep(totals.ms),
              waitMs: perStep(totals.waitMs),
              workerMs: perStep(totals.workerMs),
            },
          ])
          .sort((a, b) => b[1].ms - a[1].ms),
        mainBusyMs: kernelMs - waitMs,
        waitMs,
        workerBusyMs: after.workerBusyMs.map((ms, i) => perStep(ms - before.workerBusyMs[i])),
        parallelRuns: (after.parallelRuns - before.parallelRuns) / steps,
      };
    } finally {
      instrument.restore();
    }
  } finally {
    useBackend(previous);
    backend.destroy();
  }
}
