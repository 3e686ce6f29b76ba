import type { Dataset } from '@nagare/data';
import { crossEntropy } from '@nagare/layers';
import { SGD } from '@nagare/optimizers';
import type { Tensor } from '@nagare/tensor';
import { type EpochLogs, logUniform, narrowSpace, type Trial, tune } from '@nagare/train';
import { progressCallback } from '../../training/progress-callback';
import type { ExperimentContext } from '../experiment';
import { overfitMlp } from '../overfitting/overfit-mlp';

/** The lecture's search space: both log-uniform. */
export const SEARCH_SPACE = { lr: logUniform(1e-6, 1e-2), weightDecay: logUniform(1e-8, 1e-4) };
export type SearchSpaceOf = typeof SEARCH_SPACE;

/** One finished trial as the report shows it. */
export interface TrialRecord {
  /** Unique over both rounds, from 1. */
  id: number;
  round: 1 | 2;
  lr: number;
  weightDecay: number;
  /** Validation accuracy after the last epoch (NaN when the trial diverged). */
  valAccuracy: number;
  /** Running training accuracy of the last epoch. */
  trainAccuracy: number;
  /** Per epoch: `[epoch, val accuracy, train accuracy]`. */
  curve: [number, number, number][];
}

/** Options of `searchRound`. */
export interface SearchRoundOptions {
  round: 1 | 2;
  space: SearchSpaceOf;
  trials: number;
  /** Added to trial numbers, so ids stay unique across rounds. */
  firstId: number;
  train: Dataset<Tensor[]>;
  val: Dataset<Tensor[]>;
  epochs: number;
  batchSize: number;
  hidden: number[];
}

function toRecord(
  trial: Trial<Record<string, unknown>>,
  epochs: readonly EpochLogs[],
  options: SearchRoundOptions,
): TrialRecord {
  return {
    id: options.firstId + trial.id + 1,
    round: options.round,
    lr: trial.params.lr as number,
    weightDecay: trial.params.weightDecay as number,
    valAccuracy: epochs.at(-1)?.metrics.val_accuracy ?? Number.NaN,
    trainAccuracy: epochs.at(-1)?.metrics.accuracy ?? Number.NaN,
    curve: epochs.map((e) => [
      e.epoch,
      e.metrics.val_accuracy ?? Number.NaN,
      e.metrics.accuracy ?? Number.NaN,
    ]),
  };
}

/**
 * One round of the lecture's random search with `tune`: `trials` points drawn from `space`, each
 * a fresh 7-layer ReLU net trained with SGD (lr, coupled weight decay) on `train` and scored by its
 * last validation accuracy. Each finished trial is recorded in metrics.jsonl.
 *
 * @example
 * const first = await searchRound(context, { round: 1, space: SEARCH_SPACE, trials: 100, firstId: 0, ... });
 */
export async function searchRound(
  context: ExperimentContext<unknown>,
  options: SearchRoundOptions,
): Promise<TrialRecord[]> {
  const records: TrialRecord[] = [];
  await tune({
    space: options.space,
    trials: options.trials,
    seed: context.seed * 100 + options.round,
    train: options.train,
    val: options.val,
    epochs: options.epochs,
    monitor: 'val_accuracy',
    mode: 'max',
    score: 'last',
    build: ({ lr, weightDecay }, trial) => {
      const model = overfitMlp(options.hidden, 0, trial.seed);
      return {
        model,
        loss: crossEntropy,
        optimizer: new SGD(model.parameters(), { lr, weightDecay }),
        metrics: ['accuracy'],
        batchSize: options.batchSize,
        callbacks: [
          progressCallback(context.output, {
            prefix: `round ${options.round} trial ${options.firstId + trial.id + 1}`,
            shouldPrintSummary: false,
          }),
        ],
      };
    },
    onTrial: async (trial, epochs) => {
      const record = toRecord(trial as Trial<Record<string, unknown>>, epochs, options);
      records.push(record);
      const finite = (value: number) => (Number.isFinite(value) ? value : null);
      await context.record({
        part: 'trial',
        round: record.round,
        trial: record.id,
        lr: record.lr,
        weight_decay: record.weightDecay,
        val_acc: finite(record.valAccuracy),
        train_acc: finite(record.trainAccuracy),
        status: trial.status,
      });
    },
  });
  return records;
}

/** Ranks trials by validation accuracy, best first (diverged trials last). */
export function rankRecords(records: readonly TrialRecord[]): TrialRecord[] {
  return [...records].sort((a, b) => {
    const [x, y] = [a.valAccuracy, b.valAccuracy].map((v) => (Number.isFinite(v) ? v : -1));
    return y - x || a.id - b.id;
  });
}

/**
 * The second round's space: the lecture narrows each range to where the best trials were, here the
 * span of the best `top` trials' values (in log space), widened by a quarter on each side.
 *
 * @example
 * narrowedSpace(first, 10).lr; // e.g. logUniform(1.2e-3, 9.8e-3)
 */
export function narrowedSpace(records: readonly TrialRecord[], top: number): SearchSpaceOf {
  const best = rankRecords(records)
    .slice(0, top)
    .map((r) => ({ params: { lr: r.lr, weightDecay: r.weightDecay } }));
  return narrowSpace(SEARCH_SPACE, best);
}
