import { noGrad } from '@nagare/autograd';
import type { Optimizer } from '@nagare/optimizers';
import { clipGradNorm } from '@nagare/optimizers';
import { ArgumentError, add, type Generator, ShapeError, type Tensor, tidy } from '@nagare/tensor';
import type { Callback, TrainContext } from './callbacks/callback';
import type { EpochProgress } from './checkpoint/training-state';
import { batchSize } from './metrics/loss-metric';
import type { AnyMetric } from './metrics/metric';
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

function scalarLoss(loss: LossFunction, output: Tensor, target: Tensor): Tensor {
  const value = loss(output, target);
  if (value.size !== 1)
    throw new ShapeError('fit', 'the loss function must return a scalar', { loss: value.shape });
  return value;
}

/**
 * One training step, all inside one `tidy`: load the batch, forward, loss (+ regularizer
 * penalties), backward, `onAfterBackward` hooks, optional clipping, the optimizer step, metric
 * updates, and freeing every gradient. `progress` is updated in place unless the step is skipped.
 */
export function trainStep(
  setup: StepSetup,
  loader: BatchLoader,
  indices: readonly number[],
  generator: Generator,
  progress: EpochProgress,
): StepOutcome {
  const { model, optimizer, regularizers, metrics } = setup;
  return tidy(() => {
    const [input, target] = unpackBatch('fit', loader.load(indices, generator));
    const output = model.call(input);
    const loss = scalarLoss(setup.loss, output, target);
    const penalties = regularizers.map((regularizer) => regularizer.penalty());
    const total = penalties.reduce((sum, penalty) => add(sum, penalty), loss);
    const lossValue = loss.item();
    total.backward();
    for (const callback of setup.callbacks)
      callback.onAfterBackward?.(setup.context, { input, target, output, loss, lossValue });
    const size = batchSize(target);
    if (setup.isStopRequested()) {
      model.zeroGrad();
      optimizer.zeroGrad();
      return { lossValue, size, isSkipped: true };
    }
    const gradNorm =
      setup.clipGradNorm === undefined ? undefined : clipGradNorm(model.parameters(), setup.clipGradNorm);
    optimizer.step();
    model.zeroGrad();
    optimizer.zeroGrad();
    progress.samples += size;
    progress.lossSum += lossValue * size;
    regularizers.forEach((regularizer, i) => {
      progress.regularization[regularizer.name] =
        (progress.regularization[regularizer.name] ?? 0) + penalties[i].item();
    });
    noGrad(() => {
      metrics.forEach((metric, i) => {
        progress.metricStates[i] = metric.update(
          progress.metricStates[i],
          output,
          target,
        ) as (typeof progress.metricStates)[number];
      });
    });
    return { lossValue, size, gradNorm, isSkipped: false };
  });
}
