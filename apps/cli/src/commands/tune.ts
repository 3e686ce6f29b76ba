import { join } from 'node:path';
import { crossEntropy } from '@nagare/layers';
import { type TrialSetup, tune } from '@nagare/train';
import { recipeDefaults } from '../config/resolve-config';
import { checkConfig, mergeConfig, type TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';
import { findRecipe } from '../recipes/registry';
import { chooseTrainingBackend } from '../training/choose-backend';
import { loadSplits } from '../training/load-splits';
import { createOptimizer } from '../training/optimizer-factory';
import { type ProgressOutput, progressCallback } from '../training/progress-callback';
import { checkOutputLocation, prepareRunDir } from '../training/run-dir';
import { applyParams, searchSpaceOf } from '../training/search-space';
import { describeSpace, reportSearch, trialReporter } from '../training/tune-report';

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

// The lecture's method scores a few epochs per trial: enough to rank settings, cheap enough for many.
const DEFAULT_TRIAL_EPOCHS = 3;

/** The config every trial starts from: the recipe's defaults, the flags, and few epochs. */
function baseTrialConfig(recipe: Recipe, flags: TuneFlags): TrainConfig {
  const { limit, backend, threads, dataDir } = flags;
  const given = Object.entries({ limit, backend, threads, dataDir }).filter(
    ([, value]) => value !== undefined,
  );
  const defaults = mergeConfig(recipeDefaults(recipe), checkConfig(Object.fromEntries(given), 'flags'));
  return { ...defaults, epochs: flags.epochs ?? Math.min(DEFAULT_TRIAL_EPOCHS, defaults.epochs) };
}

/** Builds one trial's model, optimizer and progress line from its sampled parameters. */
function trialBuilder(recipe: Recipe, config: TrainConfig, output: ProgressOutput) {
  return (params: Parameters<typeof applyParams>[1], trial: { id: number; seed: number }): TrialSetup => {
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
  const { log } = output;
  const recipe = findRecipe(name);
  if (flags.out !== undefined) await checkOutputLocation(flags.out);
  const config = baseTrialConfig(recipe, flags);
  const space = searchSpaceOf(recipe, config);
  const splits = await loadSplits(recipe, config);
  const choice = await chooseTrainingBackend(recipe, config, splits);
  const jsonlPath = join(await prepareRunDir(flags.out, `tune-${recipe.name}`), 'tune.jsonl');
  const { rounds, trials, seed } = flags;
  const validation = splits.val.length.toLocaleString('en-US');
  log(
    `${recipe.name}: ${rounds} round(s) of ${trials} trials, ${config.epochs} epochs each, scored on ${validation} validation samples`,
  );
  log(`backend: ${choice.name}${choice.reason ? ` — ${choice.reason}` : ''}`);
  log(`searching: ${describeSpace(space)}`);
  const result = await tune({
    space,
    trials,
    rounds,
    seed,
    train: splits.train,
    val: splits.val,
    epochs: config.epochs,
    monitor: 'val_accuracy',
    mode: 'max',
    build: trialBuilder(recipe, config, output),
    onTrial: trialReporter(jsonlPath, log),
  });
  reportSearch(result, recipe, jsonlPath, log);
  return 0;
}
