import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type Checkpoint, loadCheckpoint } from '@nagare/train';
import { readJsonObject } from '../config/read-json-file';
import { checkConfig, type TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import type { Recipe, RecipeModel } from '../recipes/recipe';
import { findRecipe } from '../recipes/registry';

/** Metadata keys the CLI stores in every checkpoint, so a checkpoint alone can be evaluated. */
export const CONFIG_METADATA_KEY = 'nagare.cli.config';

const isDirectory = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() ?? false;
const exists = async (path: string) => (await stat(path).catch(() => null)) !== null;

/**
 * Finds the checkpoint and config of `target`: a run directory (its best checkpoint, or last when
 * there is no best) or a checkpoint file (config from its metadata, else from the run directory it
 * sits in).
 */
export async function locateCheckpoint(
  target: string,
): Promise<{ checkpointPath: string; runDir: string | null; configPath: string | null }> {
  if (await isDirectory(target)) {
    const checkpoints = join(target, 'checkpoints');
    const best = join(checkpoints, 'best.safetensors');
    const last = join(checkpoints, 'last.safetensors');
    const checkpointPath = (await exists(best)) ? best : last;
    if (!(await exists(checkpointPath))) {
      throw new CliError(
        target,
        'not a run directory (no checkpoints/best.safetensors or checkpoints/last.safetensors)',
      );
    }
    return { checkpointPath, runDir: target, configPath: join(target, 'config.json') };
  }
  const runDir = dirname(dirname(target));
  const configPath = join(runDir, 'config.json');
  return {
    checkpointPath: target,
    runDir: (await exists(configPath)) ? runDir : null,
    configPath: (await exists(configPath)) ? configPath : null,
  };
}

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
  return checkConfig(raw, source, recipe.defaults.model) as TrainConfig;
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
  const checkpoint = await loadCheckpoint(checkpointPath);
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
  const checkpoint = await loadCheckpoint(run.checkpointPath);
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
