import type { Dataset } from '@nagare/data';
import { crossEntropy, Flatten, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { type Callback, evaluate, fit, type Regularizer } from '@nagare/train';
import { progressCallback } from '../../training/progress-callback';
import type { ExperimentContext } from '../experiment';

/** Accuracy on every task's test set after one epoch of training on one task. */
export interface TaskEpoch {
  /** Counts epochs across the whole sequence of tasks, from 1. */
  epoch: number;
  /** The task being trained in this epoch. */
  task: string;
  /** Test accuracy per task name. */
  accuracy: Record<string, number>;
}

/** Options of `trainOnTask`. */
export interface TaskTrainingOptions {
  /** Names the run in metrics.jsonl (e.g. "EWC"). */
  name: string;
  model: Sequential;
  task: string;
  train: Dataset<Tensor[]>;
  /** Test sets of every task, by name. */
  tests: Readonly<Record<string, Dataset<Tensor[]>>>;
  epochs: number;
  /** Epochs already trained before this task (to number epochs across tasks). */
  initialEpoch: number;
  batchSize: number;
  lr: number;
  regularizers?: readonly Regularizer[];
  seed: number;
}

const EVAL_BATCH = 500;

/**
 * An MLP classifier for flattened images: `[N, ...]` → `[N, classes]`, ReLU hidden layers.
 *
 * @example
 * taskMlp([784, 256, 256, 10], 0).call(zeros([2, 1, 28, 28])).shape; // [2, 10]
 */
export function taskMlp(sizes: readonly number[], seed: number): Sequential {
  return new Sequential(new Flatten(), mlp(sizes, 'relu', { seed }));
}

/**
 * Trains `model` on one task with Adam (plus optional regularizers such as EWC) and, after every
 * epoch, measures the test accuracy of every task, so forgetting shows as it happens. Each epoch
 * becomes a metrics.jsonl row `{ run, task, epoch, acc_<task>… }`.
 *
 * @example
 * const epochs = await trainOnTask(context, { name: 'plain', model, task: 'B', train: taskB,
 *   tests: { A: testA, B: testB }, epochs: 3, initialEpoch: 3, batchSize: 64, lr: 0.05, seed: 0 });
 */
export async function trainOnTask(
  context: ExperimentContext<unknown>,
  options: TaskTrainingOptions,
): Promise<TaskEpoch[]> {
  const epochs: TaskEpoch[] = [];
  const recorder: Callback = {
    async onEpochEnd(_context, logs) {
      const accuracy: Record<string, number> = {};
      for (const [task, test] of Object.entries(options.tests)) {
        const result = await evaluate(options.model, test, { metrics: ['accuracy'], batchSize: EVAL_BATCH });
        accuracy[task] = result.accuracy as number;
      }
      const epoch = options.initialEpoch + logs.epoch;
      epochs.push({ epoch, task: options.task, accuracy });
      await context.record({
        run: options.name,
        task: options.task,
        epoch,
        train_loss: logs.metrics.loss,
        ...Object.fromEntries(Object.entries(accuracy).map(([task, value]) => [`acc_${task}`, value])),
      });
    },
  };
  const optimizer = new Adam(options.model.parameters(), { lr: options.lr });
  await fit(options.model, {
    train: options.train,
    optimizer,
    loss: crossEntropy,
    epochs: options.epochs,
    batchSize: options.batchSize,
    seed: options.seed,
    regularizers: options.regularizers,
    callbacks: [
      progressCallback(context.output, {
        prefix: `${options.name}, task ${options.task}`,
        shouldPrintSummary: false,
      }),
      recorder,
    ],
  });
  optimizer.dispose();
  const last = epochs.at(-1);
  if (last) {
    const summary = Object.entries(last.accuracy)
      .map(([task, value]) => `${task} ${(value * 100).toFixed(2)}%`)
      .join(', ');
    context.output.log(`${options.name}, after task ${options.task}: test accuracy ${summary}`);
  }
  return epochs;
}
