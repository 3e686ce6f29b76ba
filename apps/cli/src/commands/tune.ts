import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { crossEntropy } from '@nagare/layers';
import { type EpochLogs, formatTrials, type Trial, tune } from '@nagare/train';
import { selectBackend } from '../backend/select-backend';
import { recipeDefaults } from '../config/resolve-config';
import { checkConfig, mergeConfig, type TrainConfig } from '../config/train-config';
import { findRecipe } from '../recipes/registry';
import { firstBatch, loadSplits } from '../training/load-splits';
import { createOptimizer } from '../training/optimizer-factory';
import { type ProgressOutput, progressCallback } from '../training/progress-callback';
import { writeTextAtomic } from '../training/run-files';
import { applyParams, searchSpaceOf } from '../training/search-space';
import { trialSteps } from '../training/trial-step';
import { percent } from '../util/format';
import { defaultRunDir } from './train';

/** The flags of `nagare tune`. */
export interface TuneFlags {
  trials: number;
  rounds: number;
  epochs?: number;
  seed: number;
  limit?: number;
  backend?: TrainConfig['backend'];
  threads?: number;
  dataDir?: string;
  out?: string;
}

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

// The lecture's method scores a few epochs per trial: enough to rank settings, cheap enough for many.
const DEFAULT_TRIAL_EPOCHS = 3;

function describeParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(
      ([key, value]) =>
        `${key} ${typeof value === 'number' && !Number.isInteger(value) ? value.toExponential(2) : value}`,
    )
    .join('  ');
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
 * `nagare tune <recipe> --trials N --rounds R`: random hyper-parameter search scored by validation
 * accuracy (never the test set). Each round draws N trials; later rounds narrow the ranges around
 * the best trials. Prints a line per trial and the ranked table, and writes `tune.jsonl`.
 *
 * @example
 * await tuneCommand('spiral-mlp', { trials: 8, rounds: 2, seed: 0 }, output);
 */
export async function tuneCommand(name: string, flags: TuneFlags, output: ProgressOutput): Promise<number> {
  const log = output.log;
  const recipe = findRecipe(name);
  const overrides = checkConfig(
    Object.fromEntries(
      Object.entries({
        limit: flags.limit,
        backend: flags.backend,
        threads: flags.threads,
        dataDir: flags.dataDir,
      }).filter(([, value]) => value !== undefined),
    ),
    'flags',
  );
  const defaults = mergeConfig(recipeDefaults(recipe), overrides);
  const config: TrainConfig = {
    ...defaults,
    epochs: flags.epochs ?? Math.min(DEFAULT_TRIAL_EPOCHS, defaults.epochs),
  };
  const space = searchSpaceOf(recipe, config);
  const splits = await loadSplits(recipe, config);
  const choice = await selectBackend(config.backend, config.threads, (steps) => {
    const batch = firstBatch(splits.train, config.batchSize);
    try {
      return trialSteps(recipe, config, batch, steps);
    } finally {
      for (const tensor of batch) tensor.dispose();
    }
  });
  const outDir = flags.out ?? defaultRunDir(`tune-${recipe.name}`);
  await mkdir(outDir, { recursive: true });
  const jsonlPath = join(outDir, 'tune.jsonl');
  const rows: TuneRow[] = [];
  log(
    `${recipe.name}: ${flags.rounds} round(s) of ${flags.trials} trials, ${config.epochs} epochs each, scored on ${splits.val.length.toLocaleString('en-US')} validation samples`,
  );
  log(`backend: ${choice.name}${choice.reason ? ` — ${choice.reason}` : ''}`);
  log(
    `searching: ${Object.entries(space)
      .map(
        ([key, range]) =>
          `${key} ${'values' in range ? `{${range.values.join(', ')}}` : `[${range.min}, ${range.max}]${range.kind === 'logUniform' ? ' (log)' : ''}`}`,
      )
      .join(', ')}`,
  );
  const result = await tune({
    space,
    trials: flags.trials,
    rounds: flags.rounds,
    seed: flags.seed,
    train: splits.train,
    val: splits.val,
    epochs: config.epochs,
    monitor: 'val_accuracy',
    mode: 'max',
    build: (params, trial) => {
      const trialConfig = { ...applyParams(config, params), seed: trial.seed };
      const model = recipe.build(trialConfig);
      return {
        model,
        loss: crossEntropy,
        optimizer: createOptimizer(trialConfig.optimizer, model.parameters(), trialConfig),
        metrics: ['accuracy'],
        batchSize: trialConfig.batchSize,
        callbacks: [progressCallback(output, { prefix: `trial ${trial.id}`, shouldPrintSummary: false })],
      };
    },
    onTrial: async (trial, epochs) => {
      rows.push(tuneRow(trial, epochs));
      await writeTextAtomic(jsonlPath, rows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      const outcome =
        trial.status === 'failed'
          ? `failed: ${trial.error}`
          : `val_acc ${percent(Number.isNaN(trial.score) ? undefined : trial.score)}`;
      log(
        `trial ${String(trial.id).padStart(3)} (round ${trial.round})  ${describeParams(trial.params)}  → ${outcome}`,
      );
    },
  });
  log('');
  log(formatTrials(result.trials, { mode: 'max' }));
  log('');
  const best = result.best;
  const flagsOfBest = Object.entries(best.params)
    .map(([key, value]) => {
      const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      return `--${flag} ${typeof value === 'number' && !Number.isInteger(value) ? Number(value.toPrecision(3)) : value}`;
    })
    .join(' ');
  log(`best: trial ${best.id}, val_acc ${percent(best.score)}: ${describeParams(best.params)}`);
  if (!Object.keys(best.params).some((key) => key.startsWith('model.')))
    log(`train it: nagare train ${recipe.name} ${flagsOfBest}`);
  log(`results: ${jsonlPath}`);
  return 0;
}
