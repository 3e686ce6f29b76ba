import type { Optimizer } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import type { CheckpointContents } from '../checkpoint/checkpoint-contents';
import type { JsonValue } from '../json';
import type { Model } from '../types';

/** Why training stopped early: who stopped it and a one-line explanation. */
export interface StopReason {
  /** `'earlyStopping'`, `'nanGuard'`, `'signal'` (the `signal` option), or what a custom callback passed. */
  by: string;
  message: string;
}

/** What one epoch measured. */
export interface EpochLogs {
  /** The epoch's number, counting from 1. */
  epoch: number;
  /** The learning rate at the epoch's first step. */
  lr: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
  /** Training samples seen in the epoch. */
  samples: number;
  /** Training throughput (validation excluded). */
  samplesPerSecond: number;
  /** `loss`, each scalar metric and regularizer by name, and the same with a `val_` prefix. */
  metrics: Record<string, number>;
}

/** What `fit` returns: every epoch's logs and why training ended early, if it did. */
export interface History {
  epochs: EpochLogs[];
  /** Optimizer steps taken in total. */
  step: number;
  stopReason: StopReason | null;
}

/** Where a batch sits in the run. */
export interface BatchInfo {
  /** The epoch's number, counting from 1. */
  epoch: number;
  /** The batch's index inside the epoch, counting from 0. */
  batch: number;
  /** Optimizer steps taken before this batch. */
  step: number;
  /** Samples in the batch. */
  size: number;
}

/** What `onBatchEnd` receives: the batch and the running averages of its epoch so far. */
export interface BatchLogs extends BatchInfo {
  /** Batches in the epoch. */
  batches: number;
  /** This batch's loss. */
  loss: number;
  /** Running epoch averages: `loss`, metrics and regularizers. */
  metrics: Record<string, number>;
  /** Training samples per second over the epoch so far. */
  samplesPerSecond: number;
  /** Seconds since the epoch began. */
  seconds: number;
  /** The global gradient norm before clipping (when `clipGradNorm` is set). */
  gradNorm?: number;
}

/** The tensors of the step in progress, for `onAfterBackward` (valid only during the call). */
export interface StepTensors {
  input: Tensor;
  target: Tensor;
  output: Tensor;
  /** The data loss (regularizers not included). */
  loss: Tensor;
  lossValue: number;
}

/** What a callback saves in checkpoints: JSON values and, optionally, tensors (copied on save). */
export interface CallbackState {
  values?: JsonValue;
  tensors?: Record<string, Tensor>;
}

/** The running training loop as callbacks see it. */
export interface TrainContext {
  readonly model: Model;
  readonly optimizer: Optimizer;
  /** The total number of epochs planned. */
  readonly epochs: number;
  /** The epoch in progress (or the last one), counting from 1. */
  readonly epoch: number;
  /** Batches finished in the current epoch. */
  readonly batch: number;
  /** Optimizer steps taken in total. */
  readonly step: number;
  readonly batchesPerEpoch: number;
  readonly history: History;
  readonly stopReason: StopReason | null;
  /** Stops training after the current batch (during `onAfterBackward`: skips this batch's update). */
  stop(message: string, by?: string): void;
  /** Everything needed to resume from this point (free it with `dispose()` unless it is saved). */
  checkpoint(): CheckpointContents;
  /** Writes `checkpoint()` to `path` atomically. */
  saveCheckpoint(path: string): Promise<void>;
}

/**
 * Hooks into `fit`. Every hook is optional and may be async, except `onSetup`. `onAfterBackward`
 * runs after the step's values are read and before the update; on backends that read
 * synchronously keep it synchronous unless it must read (an async hook adds an await per step). Give a callback a unique `name` and `stateDict`/`loadStateDict`
 * to have its state saved in checkpoints.
 *
 * @example
 * const logLoss: Callback = { onEpochEnd: (_context, logs) => console.log(logs.epoch, logs.metrics.loss) };
 */
export interface Callback {
  readonly name?: string;
  /**
   * Callbacks run in ascending `order` (default 0; ties keep the given order). `modelCheckpoint`
   * uses 100, so what it saves includes every other callback's update for the epoch.
   */
  readonly order?: number;
  /** Once, before a checkpoint is restored (install what restoring needs, such as an lr schedule). */
  onSetup?(context: TrainContext): void;
  onTrainBegin?(context: TrainContext): void | Promise<void>;
  onEpochBegin?(context: TrainContext, info: { epoch: number }): void | Promise<void>;
  onBatchBegin?(context: TrainContext, info: BatchInfo): void | Promise<void>;
  onAfterBackward?(context: TrainContext, step: StepTensors): void | Promise<void>;
  onBatchEnd?(context: TrainContext, logs: BatchLogs): void | Promise<void>;
  onEpochEnd?(context: TrainContext, logs: EpochLogs): void | Promise<void>;
  onTrainEnd?(context: TrainContext, history: History): void | Promise<void>;
  stateDict?(): CallbackState;
  loadStateDict?(state: CallbackState): void;
}
