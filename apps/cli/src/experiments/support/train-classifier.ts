import type { Dataset } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import type { Optimizer } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { type Callback, evaluate, fit, nanGuard } from '@nagare/train';
import type { RecipeModel } from '../../recipes/recipe';
import { progressCallback } from '../../training/progress-callback';
import type { ExperimentContext } from '../experiment';

/** One epoch of a classifier's training, as an experiment plots it. */
export interface EpochRecord {
  epoch: number;
  /** Mean training loss over the epoch's batches. */
  train_loss: number;
  /** Running accuracy over the epoch's batches, or (with `measureTrain`) the train set's in eval mode. */
  train_acc: number;
  test_loss: number;
  test_acc: number;
}

/** What `trainClassifier` returns. */
export interface ClassifierRun {
  name: string;
  epochs: EpochRecord[];
  /** Loss of every `lossEvery`-th batch: `[step, loss]`, steps counted from 1. */
  batchLosses: [number, number][];
  /** Test accuracy at the end (after the last epoch, or of the weights a stop left behind). */
  testAccuracy: number;
  /** With `measureTrain`: the train set's accuracy at the end, measured the same way; else NaN. */
  trainAccuracy: number;
  /** Why training stopped early (a non-finite loss), if it did. */
  stopReason: string | null;
}

/** Options of `trainClassifier`. */
export interface TrainClassifierOptions {
  /** Names the run in metrics.jsonl (`run`) and in the progress output. */
  name: string;
  model: RecipeModel;
  optimizer: Optimizer;
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
  epochs: number;
  batchSize: number;
  seed: number;
  /** Measure the accuracy of the whole train set after each epoch in eval mode (no dropout). */
  measureTrain?: boolean;
  /** Keep every n-th batch loss (default: none). */
  lossEvery?: number;
  /** Extra fields for each metrics.jsonl row (e.g. the init scale). */
  tags?: Record<string, string | number | boolean>;
  /** More callbacks for `fit` (measurements during training). */
  callbacks?: readonly Callback[];
}

const EVAL_BATCH = 500;

/**
 * Trains a classifier with cross-entropy, measuring the test set after every epoch, and records
 * one metrics.jsonl row per epoch (`{ run, epoch, train_loss, train_acc, test_loss, test_acc }`).
 * A non-finite loss stops the run instead of training on NaN.
 *
 * @example
 * const run = await trainClassifier(context, { name: 'relu', model, optimizer, train, test,
 *   epochs: 5, batchSize: 100, seed: 0 });
 * run.testAccuracy; // e.g. 0.975
 */
export async function trainClassifier(
  context: ExperimentContext<unknown>,
  options: TrainClassifierOptions,
): Promise<ClassifierRun> {
  const epochs: EpochRecord[] = [];
  const batchLosses: [number, number][] = [];
  const recorder: Callback = {
    onBatchEnd(_context, logs) {
      if (options.lossEvery && (logs.step + 1) % options.lossEvery === 0) {
        batchLosses.push([logs.step + 1, logs.loss]);
      }
    },
    async onEpochEnd(_context, logs) {
      const m = logs.metrics;
      const trainAccuracy = options.measureTrain
        ? ((await evaluate(options.model, options.train, { metrics: ['accuracy'], batchSize: EVAL_BATCH }))
            .accuracy as number)
        : (m.accuracy ?? Number.NaN);
      const record: EpochRecord = {
        epoch: logs.epoch,
        train_loss: m.loss,
        train_acc: trainAccuracy,
        test_loss: m.val_loss ?? Number.NaN,
        test_acc: m.val_accuracy ?? Number.NaN,
      };
      epochs.push(record);
      await context.record({ run: options.name, ...options.tags, ...finite(record) });
    },
  };
  const history = await fit(options.model, {
    train: options.train,
    val: options.test,
    optimizer: options.optimizer,
    loss: crossEntropy,
    epochs: options.epochs,
    batchSize: options.batchSize,
    seed: options.seed,
    metrics: ['accuracy'],
    callbacks: [
      nanGuard({ action: 'stop' }),
      progressCallback(context.output, { prefix: options.name, shouldPrintSummary: false }),
      recorder,
      ...(options.callbacks ?? []),
    ],
  });
  const last = epochs.at(-1);
  let testAccuracy = last?.test_acc ?? Number.NaN;
  let trainAccuracy = options.measureTrain ? (last?.train_acc ?? Number.NaN) : Number.NaN;
  if (history.stopReason) {
    // A diverged run still has weights (often NaN): measure what it predicts now, usually chance.
    const measure = async (data: Dataset<Tensor[]>) =>
      (await evaluate(options.model, data, { metrics: ['accuracy'], batchSize: EVAL_BATCH }))
        .accuracy as number;
    testAccuracy = await measure(options.test);
    if (options.measureTrain) trainAccuracy = await measure(options.train);
  }
  context.output.log(
    `${options.name}: ${epochs.length} epoch(s), test accuracy ${(testAccuracy * 100).toFixed(2)}%${history.stopReason ? ` (stopped: ${history.stopReason.message})` : ''}`,
  );
  return {
    name: options.name,
    epochs,
    batchLosses,
    testAccuracy,
    trainAccuracy,
    stopReason: history.stopReason?.message ?? null,
  };
}

// JSON has no NaN: a value that was not measured is written as null.
function finite(record: EpochRecord): Record<string, number | null> {
  return Object.fromEntries(
    Object.entries(record).map(([key, value]) => [key, Number.isFinite(value) ? value : null]),
  );
}
