import type { Optimizer } from '@nagare/optimizers';
import { Generator, getBackend } from '@nagare/tensor';
import type { BatchLogs, Callback, EpochLogs, History, StopReason, TrainContext } from './callbacks/callback';
import type { CheckpointContents } from './checkpoint/checkpoint-contents';
import { captureRng, restoreRng } from './checkpoint/rng';
import { saveCheckpoint } from './checkpoint/save-checkpoint';
import type { EpochProgress, TrainingState } from './checkpoint/training-state';
import { isYieldDue, yieldToEventLoop } from './data-source';
import { evaluateLoader } from './evaluate';
import { lossMetric } from './metrics/loss-metric';
import type { AnyMetric } from './metrics/metric';
import { type StepOutcome, type StepSetup, trainStep } from './train-step';
import type { BatchLoader, LossFunction, Model, Regularizer } from './types';

/** Everything a run is built from, resolved by `fit`. */
export interface RunSetup {
  model: Model;
  optimizer: Optimizer;
  loss: LossFunction;
  train: BatchLoader;
  val: BatchLoader | null;
  epochs: number;
  metrics: AnyMetric[];
  callbacks: Callback[];
  regularizers: Regularizer[];
  clipGradNorm: number | undefined;
  seed: number | null;
  signal: AbortSignal | undefined;
  metadata: Record<string, string>;
}

/** The seed of the stream batch transforms draw from in epoch `index` (0-based), as DataLoader derives it. */
function batchSeed(seed: number | null, index: number): number {
  return (seed ?? 0) * 65_537 + index + 1;
}

/** Keeps the scalar entries of a result record. */
function scalars(results: Record<string, unknown>, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(results))
    if (typeof value === 'number') out[prefix + name] = value;
  return out;
}

/** The training loop's state and the `TrainContext` callbacks see. */
export class TrainingRun implements TrainContext {
  readonly model: Model;
  readonly optimizer: Optimizer;
  readonly epochs: number;
  history: History = { epochs: [], step: 0, stopReason: null };
  #epochsCompleted = 0;
  #batchesDone = 0;
  #progress: EpochProgress | null = null;
  #batchGenerator: Generator | null = null;
  /** The batches of the epoch in progress (or the next one), as index lists. */
  #batches: number[][] | null = null;
  #clockStart = 0;
  #secondsBefore = 0;
  #isInStep = false;
  #isUpdateSkipped = false;
  #stepSetup: StepSetup | null = null;
  readonly #setup: RunSetup;

  constructor(setup: RunSetup) {
    this.#setup = setup;
    this.model = setup.model;
    this.optimizer = setup.optimizer;
    this.epochs = setup.epochs;
  }

  get epoch(): number {
    return this.#epochsCompleted + (this.#progress ? 1 : 0);
  }

  get batch(): number {
    return this.#batchesDone;
  }

  get step(): number {
    return this.history.step;
  }

  get batchesPerEpoch(): number {
    // Listing an epoch's batches draws its shuffle: do it once per epoch.
    this.#batches ??= this.#setup.train.batches(this.#epochsCompleted);
    return this.#batches.length;
  }

  get stopReason(): StopReason | null {
    return this.history.stopReason;
  }

  stop(message: string, by = 'callback'): void {
    if (this.history.stopReason) return;
    this.history.stopReason = { by, message };
    if (this.#isInStep) this.#isUpdateSkipped = true;
  }

  /** Starts counting at `epochs` completed epochs (fit's `initialEpoch`). */
  skipEpochs(epochs: number): void {
    this.#epochsCompleted = epochs;
    this.#batches = null;
  }

  checkpoint(): CheckpointContents {
    const optimizer = this.optimizer.stateDict();
    const callbacks: CheckpointContents['callbacks'] = {};
    for (const callback of this.#setup.callbacks) {
      if (callback.name && callback.stateDict) callbacks[callback.name] = callback.stateDict();
    }
    const progress = this.#progress && {
      ...structuredClone(this.#progress),
      seconds: this.#secondsBefore + (performance.now() - this.#clockStart) / 1000,
    };
    const state: TrainingState = {
      version: 1,
      epochsCompleted: this.#epochsCompleted,
      batchesDone: this.#batchesDone,
      step: this.history.step,
      seed: this.#setup.seed,
      backend: getBackend().name,
      rng: captureRng(this.model, this.#batchGenerator),
      progress,
      history: structuredClone(this.history),
      callbacks: {},
    };
    const dispose = () => {
      for (const saved of Object.values(optimizer.state))
        for (const tensor of Object.values(saved.tensors)) tensor.dispose();
    };
    return {
      weights: this.model.stateDict(),
      optimizer,
      callbacks,
      state,
      metadata: { ...this.#setup.metadata },
      dispose,
    };
  }

  async saveCheckpoint(path: string): Promise<void> {
    const contents = this.checkpoint();
    try {
      await saveCheckpoint(path, contents);
    } finally {
      contents.dispose();
    }
  }

  /** Puts the loop where `state` says: position, partial epoch, history and random streams. */
  restoreState(state: TrainingState): void {
    this.#epochsCompleted = state.epochsCompleted;
    this.#batches = null;
    this.#batchesDone = state.batchesDone;
    this.history = structuredClone(state.history);
    this.history.stopReason = null;
    this.#progress = state.progress && structuredClone(state.progress);
    this.#secondsBefore = state.progress?.seconds ?? 0;
    this.#batchGenerator = this.#progress
      ? new Generator(batchSeed(this.#setup.seed, this.#epochsCompleted))
      : null;
    restoreRng(this.model, state.rng, this.#batchGenerator);
  }

  /** Runs every remaining epoch; returns the history. */
  async run(): Promise<History> {
    for (const callback of this.#setup.callbacks) await callback.onTrainBegin?.(this);
    while (this.#epochsCompleted < this.epochs && !this.history.stopReason) {
      const isComplete = await this.#runEpoch();
      if (!isComplete) break;
    }
    for (const callback of this.#setup.callbacks) await callback.onTrainEnd?.(this, this.history);
    return this.history;
  }

  async #beginEpoch(): Promise<EpochProgress> {
    this.#batchGenerator = new Generator(batchSeed(this.#setup.seed, this.#epochsCompleted));
    const progress: EpochProgress = {
      lr: 0,
      samples: 0,
      lossSum: 0,
      regularization: {},
      metricStates: this.#setup.metrics.map(
        (metric) => metric.init() as EpochProgress['metricStates'][number],
      ),
      trainSeconds: 0,
      seconds: 0,
    };
    this.#progress = progress;
    this.#secondsBefore = 0;
    this.#clockStart = performance.now();
    for (const callback of this.#setup.callbacks) await callback.onEpochBegin?.(this, { epoch: this.epoch });
    progress.lr = this.optimizer.lr;
    return progress;
  }

  /** Trains the rest of the current epoch. False when training stopped before its end. */
  async #runEpoch(): Promise<boolean> {
    const progress = this.#progress ?? (await this.#beginEpoch());
    this.#clockStart = performance.now();
    const { train } = this.#setup;
    this.#batches ??= train.batches(this.#epochsCompleted);
    const batches = this.#batches;
    train.epoch = this.#epochsCompleted;
    const { callbacks } = this.#setup;
    // Building the batch logs (running metrics, rates) is skipped when no callback reads them.
    const isLoggingBatches = callbacks.some((callback) => callback.onBatchEnd);
    while (this.#batchesDone < batches.length) {
      if (this.#setup.signal?.aborted) this.stop('interrupted (the abort signal fired)', 'signal');
      if (this.history.stopReason) return false;
      const indices = batches[this.#batchesDone];
      const info = {
        epoch: this.epoch,
        batch: this.#batchesDone,
        step: this.history.step,
        size: indices.length,
      };
      for (const callback of callbacks) await callback.onBatchBegin?.(this, info);
      const started = performance.now();
      const result = this.#step(indices, progress);
      // A step on a synchronous backend returns its outcome directly: no await per step.
      const outcome = result instanceof Promise ? await result : result;
      if (outcome.isSkipped) return false;
      progress.trainSeconds += (performance.now() - started) / 1000;
      this.#batchesDone++;
      this.history.step++;
      if (isLoggingBatches) {
        const logs: BatchLogs = {
          ...info,
          size: outcome.size,
          batches: batches.length,
          loss: outcome.lossValue,
          metrics: this.#runningMetrics(progress),
          samplesPerSecond: progress.samples / Math.max(progress.trainSeconds, 1e-9),
          seconds: this.#secondsBefore + (performance.now() - this.#clockStart) / 1000,
          ...(outcome.gradNorm === undefined ? {} : { gradNorm: outcome.gradNorm }),
        };
        for (const callback of callbacks) await callback.onBatchEnd?.(this, logs);
      }
      if (isYieldDue()) await yieldToEventLoop();
    }
    train.epoch = this.#epochsCompleted + 1;
    await this.#endEpoch(progress);
    return true;
  }

  #step(indices: readonly number[], progress: EpochProgress): StepOutcome | Promise<StepOutcome> {
    // One setup for the whole run: a step only reads it.
    this.#stepSetup ??= {
      ...this.#setup,
      context: this,
      isStopRequested: () => this.#isUpdateSkipped,
    };
    this.#isInStep = true;
    this.#isUpdateSkipped = false;
    const leaveStep = () => {
      this.#isInStep = false;
    };
    let result: StepOutcome | Promise<StepOutcome>;
    try {
      result = trainStep(
        this.#stepSetup,
        this.#setup.train,
        indices,
        this.#batchGenerator as Generator,
        progress,
      );
    } catch (error) {
      leaveStep();
      throw error;
    }
    if (result instanceof Promise) return result.finally(leaveStep);
    leaveStep();
    return result;
  }

  #runningMetrics(progress: EpochProgress): Record<string, number> {
    const batches = Math.max(this.#batchesDone, 1);
    const results: Record<string, unknown> = { loss: progress.lossSum / progress.samples };
    for (const [name, sum] of Object.entries(progress.regularization)) results[name] = sum / batches;
    this.#setup.metrics.forEach((metric, i) => {
      results[metric.name] = metric.result(progress.metricStates[i]);
    });
    return scalars(results);
  }

  async #endEpoch(progress: EpochProgress): Promise<void> {
    const metrics = this.#runningMetrics(progress);
    const { val, loss, model } = this.#setup;
    if (val)
      Object.assign(
        metrics,
        scalars(await evaluateLoader(model, val, [lossMetric(loss), ...this.#setup.metrics]), 'val_'),
      );
    const logs: EpochLogs = {
      epoch: this.epoch,
      lr: progress.lr,
      seconds: this.#secondsBefore + (performance.now() - this.#clockStart) / 1000,
      samples: progress.samples,
      samplesPerSecond: progress.samples / Math.max(progress.trainSeconds, 1e-9),
      metrics,
    };
    this.history.epochs.push(logs);
    this.#epochsCompleted++;
    this.#batchesDone = 0;
    this.#progress = null;
    this.#batchGenerator = null;
    this.#batches = null;
    for (const callback of this.#setup.callbacks) await callback.onEpochEnd?.(this, logs);
  }
}
