import { noGrad } from '@nagare/autograd';
import type { Optimizer } from '@nagare/optimizers';
import { totalGradNorm } from '@nagare/optimizers';
import {
  ArgumentError,
  add,
  assign,
  type Generator,
  mul,
  type Tensor,
  type TypedArray,
  tidy,
} from '@nagare/tensor';
import type { Callback, StepTensors, TrainContext } from './callbacks/callback';
import type { EpochProgress } from './checkpoint/training-state';
import { type MeasuredBatch, measureBatch, settleBatch } from './measure-batch';
import { batchSize, lossTensor } from './metrics/loss-metric';
import type { AnyMetric } from './metrics/metric';
import { readValuesOf } from './read-batch';
import type { BatchLoader, LossFunction, Model, Regularizer } from './types';

/** What one training step needs. */
export interface StepSetup {
  model: Model;
  optimizer: Optimizer;
  loss: LossFunction;
  metrics: readonly AnyMetric[];
  regularizers: readonly Regularizer[];
  clipGradNorm: number | undefined;
  callbacks: readonly Callback[];
  context: TrainContext;
  /** True once a callback has asked to stop during this step: the update is then skipped. */
  isStopRequested(): boolean;
}

/** What a training step did. */
export interface StepOutcome {
  lossValue: number;
  size: number;
  gradNorm?: number;
  /** True when a callback stopped training during the step, so no update was made. */
  isSkipped: boolean;
}

/** Splits a loaded batch into input and target. */
export function unpackBatch(op: string, batch: unknown): [Tensor, Tensor] {
  if (!Array.isArray(batch) || batch.length < 2) {
    throw new ArgumentError(
      op,
      'each batch must be an [input, target] array of tensors (as TensorDataset gives)',
    );
  }
  return [batch[0] as Tensor, batch[1] as Tensor];
}

/** The tensors of a step after backward, kept until its values are read and the update is made. */
interface BackwardResult extends MeasuredBatch {
  loss: Tensor;
  penalties: Tensor[];
  gradNorm: Tensor | null;
}

/** Forward, loss (+ regularizer penalties), backward, the gradient norm and the metrics' tensors. */
function forwardBackward(
  setup: StepSetup,
  loader: BatchLoader,
  indices: readonly number[],
  generator: Generator,
): BackwardResult {
  const { model, regularizers, metrics } = setup;
  return measureBatch(metrics, () => {
    const [input, target] = unpackBatch('fit', loader.load(indices, generator));
    const output = model.call(input);
    const loss = lossTensor('fit', setup.loss, output, target);
    const penalties = regularizers.map((regularizer) => regularizer.penalty());
    penalties.reduce((sum, penalty) => add(sum, penalty), loss).backward();
    // Measured before `onAfterBackward` hooks run, with every other value the step reads.
    const gradNorm = setup.clipGradNorm === undefined ? null : totalGradNorm(model.parameters());
    return { input, target, output, extra: { loss, penalties, gradNorm } };
  });
}

/** Scales every gradient so the global norm `total` becomes at most `maxNorm` (as clipGradNorm). */
function clipTo(model: Model, total: number, maxNorm: number): void {
  // 1e-6 keeps the factor finite for zero gradients (PyTorch's constant).
  const factor = maxNorm / (total + 1e-6);
  if (!(factor < 1 || Number.isNaN(factor))) return;
  for (const parameter of model.parameters())
    if (parameter.grad) tidy(() => assign(parameter.grad as Tensor, mul(parameter.grad as Tensor, factor)));
}

/** Runs the `onAfterBackward` hooks from `from` on; async only once a hook returns a promise. */
function runHooks(setup: StepSetup, step: StepTensors, from = 0): void | Promise<void> {
  const { callbacks } = setup;
  for (let i = from; i < callbacks.length; i++) {
    const done = callbacks[i].onAfterBackward?.(setup.context, step);
    if (done) return done.then(() => runHooks(setup, step, i + 1));
  }
}

function freeStep(step: BackwardResult): void {
  for (const tensor of step.owned) tensor.dispose();
}

async function freeAfter(step: BackwardResult, work: Promise<StepOutcome>): Promise<StepOutcome> {
  try {
    return await work;
  } finally {
    freeStep(step);
  }
}

/**
 * One training step: load the batch, forward, loss (+ regularizer penalties), backward, one read
 * of every value the step needs (loss, penalties, gradient norm, metrics' tensors), the
 * `onAfterBackward` hooks, optional clipping, the optimizer step, metric updates, and freeing
 * every gradient and temporary. On backends that read synchronously the step stays synchronous
 * (no await, as before async reads existed) unless a hook returns a promise; on a backend that
 * reads only asynchronously the read is one batched `data()` per dtype. `progress` is updated in
 * place unless the step is skipped.
 */
export function trainStep(
  setup: StepSetup,
  loader: BatchLoader,
  indices: readonly number[],
  generator: Generator,
  progress: EpochProgress,
): StepOutcome | Promise<StepOutcome> {
  const step = forwardBackward(setup, loader, indices, generator);
  let isHandedOff = false;
  try {
    const gradNorm = step.gradNorm ? [step.gradNorm] : [];
    const pending = readValuesOf([step.loss, ...step.penalties, ...gradNorm, ...step.toRead]);
    const { input, target, output, loss } = step;
    const hookTensors = (values: readonly TypedArray[]) => ({
      input,
      target,
      output,
      loss,
      lossValue: values[0][0],
    });
    if (Array.isArray(pending)) {
      const hooks = runHooks(setup, hookTensors(pending));
      if (!hooks) return applyStep(setup, step, pending, progress);
      isHandedOff = true;
      return freeAfter(
        step,
        hooks.then(() => applyStep(setup, step, pending, progress)),
      );
    }
    isHandedOff = true;
    return freeAfter(
      step,
      pending.then(async (values) => {
        await runHooks(setup, hookTensors(values));
        return applyStep(setup, step, values, progress);
      }),
    );
  } finally {
    if (!isHandedOff) freeStep(step);
  }
}

/** Clipping, the optimizer step and the bookkeeping, once the step's values are on the host. */
function applyStep(
  setup: StepSetup,
  step: BackwardResult,
  values: readonly TypedArray[],
  progress: EpochProgress,
): StepOutcome {
  const { model, optimizer, regularizers } = setup;
  const lossValue = values[0][0];
  const penaltyValues = values.slice(1, 1 + step.penalties.length).map((value) => value[0]);
  const gradNorm = step.gradNorm ? values[1 + step.penalties.length][0] : undefined;
  const size = batchSize(step.target);
  if (setup.isStopRequested()) {
    model.zeroGrad();
    optimizer.zeroGrad();
    return { lossValue, size, isSkipped: true };
  }
  if (gradNorm !== undefined) clipTo(model, gradNorm, setup.clipGradNorm as number);
  tidy(() => optimizer.step());
  model.zeroGrad();
  optimizer.zeroGrad();
  progress.samples += size;
  progress.lossSum += lossValue * size;
  regularizers.forEach((regularizer, i) => {
    progress.regularization[regularizer.name] =
      (progress.regularization[regularizer.name] ?? 0) + penaltyValues[i];
  });
  const metricValues = values.slice(values.length - step.toRead.length);
  noGrad(() => settleBatch(setup.metrics, progress.metricStates, step, metricValues));
  return { lossValue, size, gradNorm, isSkipped: false };
}
