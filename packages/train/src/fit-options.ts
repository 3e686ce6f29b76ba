import type { LrSchedule, Optimizer } from '@nagare/optimizers';
import type { Callback } from './callbacks/callback';
import type { LrSchedulerOptions } from './callbacks/lr-scheduler';
import type { Checkpoint } from './checkpoint/load-checkpoint';
import type { MetricSpec } from './metrics/resolve';
import type { DataSource, LossFunction, Regularizer } from './types';

/** The `scheduler` option of `fit`: a schedule of the step, or a schedule with how to step it. */
export type SchedulerOption = LrSchedule | ({ schedule: LrSchedule } & LrSchedulerOptions);

/** Options of `fit`. */
export interface FitOptions {
  /** Training data: a loader of `[input, target]` batches, or a dataset (batched with `batchSize`, shuffled with `seed`). */
  train: DataSource;
  /** Validation data, measured after every epoch (`val_` metrics). */
  val?: DataSource;
  optimizer: Optimizer;
  loss: LossFunction;
  /** The total number of epochs (a resumed run continues up to it). */
  epochs: number;
  metrics?: readonly MetricSpec[];
  callbacks?: readonly Callback[];
  scheduler?: SchedulerOption;
  /** Clip the global gradient norm to this before each step. */
  clipGradNorm?: number;
  /** Extra loss terms (EWC, …) added to the loss. */
  regularizers?: readonly Regularizer[];
  /** Seeds the default generator, the shuffling of a dataset and batch transforms. */
  seed?: number;
  /** Batch size for datasets (default 32). */
  batchSize?: number;
  /** Shuffle a training dataset every epoch (default true). */
  shuffle?: boolean;
  /** A checkpoint (path or loaded) to continue from. */
  resume?: string | Checkpoint;
  /** Start counting at this many completed epochs (to continue training an in-memory model). Default 0. */
  initialEpoch?: number;
  /** Stops training gracefully after the current batch when aborted (a Ctrl-C handler). */
  signal?: AbortSignal;
  /** String entries stored in every checkpoint's metadata. */
  metadata?: Record<string, string>;
}
