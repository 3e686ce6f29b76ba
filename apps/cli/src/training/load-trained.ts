import type { Checkpoint } from '@nagare/train';
import { fitThreadsToMachine } from '../config/limits';
import { readJsonObject } from '../config/read-json-file';
import { checkConfig, type TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import type { Recipe, RecipeModel } from '../recipes/recipe';
import { findRecipe } from '../recipes/registry';
import { locateCheckpoint, readCheckpoint } from './checkpoint-files';

/** Metadata keys the CLI stores in every checkpoint, so a checkpoint alone can be evaluated. */
export const CONFIG_METADATA_KEY = 'nagare.cli.config';

async function configOf(checkpoint: Checkpoint, configPath: string | null): Promise<TrainConfig> {
  const stored = checkpoint.metadata[CONFIG_METADATA_KEY];
  let raw: Record<string, unknown>;
  let source = checkpoint.file;
  if (stored !== undefined) {
    try {
      raw = JSON.parse(stored);
    } catch {
      throw new CliError(checkpoint.file, `metadata "${CONFIG_METADATA_KEY}" is not valid JSON`);
    }
  } else if (configPath) {
    raw = await readJsonObject(configPath);
    source = configPath;
  } else {
    throw new CliError(
      checkpoint.file,
      'no training config: the checkpoint has no nagare CLI metadata and no run directory config.json beside it',
    );
  }
  const recipe = findRecipe(String(raw.recipe));
  return checkConfig(fitThreadsToMachine(raw), source, recipe.defaults.model) as TrainConfig;
}

/** A checkpoint with the config and recipe it was trained with, before any model is built. */
export interface LocatedRun {
  recipe: Recipe;
  config: TrainConfig;
  checkpointPath: string;
  /** The run directory, when the checkpoint belongs to one. */
  runDir: string | null;
}

/**
 * Finds `target`'s checkpoint and reads the recipe and config it was trained with (from the
 * checkpoint's metadata, or the run's config.json). Checks the file completely, so a corrupt
 * checkpoint fails here, before a backend is chosen.
 *
 * @example
 * const run = await locateRun('runs/mnist-mlp-20250101-120000'); // run.config.recipe === 'mnist-mlp'
 */
export async function locateRun(target: string): Promise<LocatedRun> {
  const { checkpointPath, runDir, configPath } = await locateCheckpoint(target);
  const checkpoint = await readCheckpoint(checkpointPath);
  try {
    const config = await configOf(checkpoint, configPath);
    return { recipe: findRecipe(config.recipe), config, checkpointPath, runDir };
  } finally {
    checkpoint.dispose();
  }
}

/**
 * Rebuilds the model of a located run on the active backend and loads its weights (eval mode).
 *
 * @example
 * const model = await loadTrainedModel(await locateRun('runs/x'));
 */
export async function loadTrainedModel(run: LocatedRun): Promise<RecipeModel> {
  const checkpoint = await readCheckpoint(run.checkpointPath);
  const model = run.recipe.build(run.config);
  try {
    model.loadStateDict(checkpoint.weights);
  } catch (error) {
    model.dispose();
    throw new CliError(
      run.checkpointPath,
      `weights do not fit recipe ${run.recipe.name} (${(error as Error).message})`,
    );
  } finally {
    checkpoint.dispose();
  }
  return model.eval();
}
