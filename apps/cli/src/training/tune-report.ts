import { type EpochLogs, formatTrials, type SearchResult, type SearchSpace, type Trial } from '@nagare/train';
import type { Recipe } from '../recipes/recipe';
import { cliCommand } from '../util/cli-command';
import { percent } from '../util/format';
import { writeTextAtomic } from './run-files';

/** One line of `tune.jsonl`. */
export interface TuneRow {
  trial: number;
  round: number;
  status: string;
  /** Best validation accuracy over the trial's epochs (null when it diverged or failed). */
  val_acc: number | null;
  params: Record<string, unknown>;
  epochs: { epoch: number; train_loss: number; val_loss: number | null; val_acc: number | null }[];
  error?: string;
}

const formatValue = (value: unknown) =>
  typeof value === 'number' && !Number.isInteger(value) ? value.toExponential(2) : String(value);

/** `lr 1.23e-3  weightDecay 4.00e-6`. */
export function describeParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key} ${formatValue(value)}`)
    .join('  ');
}

/** `lr [0.0001, 0.01] (log), activation {relu, tanh}`: what the search draws from. */
export function describeSpace(space: SearchSpace): string {
  return Object.entries(space)
    .map(([key, range]) => {
      if ('values' in range) return `${key} {${range.values.join(', ')}}`;
      return `${key} [${range.min}, ${range.max}]${range.kind === 'logUniform' ? ' (log)' : ''}`;
    })
    .join(', ');
}

function tuneRow(trial: Trial, epochs: readonly EpochLogs[]): TuneRow {
  return {
    trial: trial.id,
    round: trial.round,
    status: trial.status,
    val_acc: Number.isNaN(trial.score) ? null : trial.score,
    params: trial.params,
    epochs: epochs.map((e) => ({
      epoch: e.epoch,
      train_loss: e.metrics.loss,
      val_loss: e.metrics.val_loss ?? null,
      val_acc: e.metrics.val_accuracy ?? null,
    })),
    ...(trial.error ? { error: trial.error } : {}),
  };
}

/**
 * The `onTrial` of a search: appends the trial to `tune.jsonl` (rewritten atomically) and prints
 * its line.
 */
export function trialReporter(
  jsonlPath: string,
  log: (line: string) => void,
): (trial: Trial, epochs: readonly EpochLogs[]) => Promise<void> {
  const rows: TuneRow[] = [];
  return async (trial, epochs) => {
    rows.push(tuneRow(trial, epochs));
    await writeTextAtomic(jsonlPath, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
    const outcome =
      trial.status === 'failed'
        ? `failed: ${trial.error}`
        : `val_acc ${percent(Number.isNaN(trial.score) ? undefined : trial.score)}`;
    log(
      `trial ${String(trial.id).padStart(3)} (round ${trial.round})  ${describeParams(trial.params)}  → ${outcome}`,
    );
  };
}

/** The `nagare train` flags that reproduce `params` (`weightDecay` → `--weight-decay`). */
function flagsOf(params: Record<string, unknown>): string[] {
  return Object.entries(params).flatMap(([key, value]) => [
    `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    typeof value === 'number' && !Number.isInteger(value)
      ? String(Number(value.toPrecision(3)))
      : String(value),
  ]);
}

/** Prints the ranked table, the best trial, the command that trains it and where the results are. */
export function reportSearch(
  result: SearchResult<SearchSpace>,
  recipe: Recipe,
  jsonlPath: string,
  log: (line: string) => void,
): void {
  log('');
  log(formatTrials(result.trials, { mode: 'max' }));
  log('');
  const best = result.best;
  log(`best: trial ${best.id}, val_acc ${percent(best.score)}: ${describeParams(best.params)}`);
  // Model options have no flags: they go in a config file.
  if (!Object.keys(best.params).some((key) => key.startsWith('model.')))
    log(`train it: ${cliCommand(['train', recipe.name, ...flagsOf(best.params)])}`);
  log(`results: ${jsonlPath}`);
}
