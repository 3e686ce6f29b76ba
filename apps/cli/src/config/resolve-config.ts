import { CliError } from '../errors/cli-error';
import type { Recipe } from '../recipes/recipe';
import { findRecipe } from '../recipes/registry';
import { fitThreadsToMachine } from './limits';
import { readJsonObject } from './read-json-file';
import { BASE_CONFIG, checkConfig, mergeConfig, type TrainConfig } from './train-config';

/** True when a `train` target names a config file rather than a recipe. */
export function isConfigPath(target: string): boolean {
  return target.endsWith('.json') || target.includes('/') || target.includes('\\');
}

/** The defaults of `recipe`: BASE_CONFIG overlaid with the recipe's own settings. */
export function recipeDefaults(recipe: Recipe): TrainConfig {
  return mergeConfig({ ...BASE_CONFIG, recipe: recipe.name, model: {} }, recipe.defaults);
}

/**
 * Resolves a run's config: the recipe's defaults, then a config file (if `target` is one), then
 * the flags. Every layer is checked, so an error names the file or flag that holds the bad value.
 * `isRunConfig` marks a run directory's own config.json, whose `threads` may come from a bigger machine.
 *
 * @example
 * const { recipe, config } = await resolveConfig('mnist-mlp', { epochs: 1 });
 */
export async function resolveConfig(
  target: string,
  flags: Partial<TrainConfig>,
  options: { isRunConfig?: boolean } = {},
): Promise<{ recipe: Recipe; config: TrainConfig }> {
  let file: Record<string, unknown> = {};
  let recipeName = target;
  if (isConfigPath(target)) {
    file = await readJsonObject(target);
    if (options.isRunConfig) file = fitThreadsToMachine(file);
    if (typeof file.recipe !== 'string') {
      throw new CliError(target, 'missing "recipe": name the built-in recipe this config trains');
    }
    recipeName = file.recipe;
  }
  const recipe = findRecipe(recipeName);
  const fromFile = checkConfig(file, target, recipe.defaults.model);
  const fromFlags = checkConfig(stripUndefined(flags), 'flags', recipe.defaults.model);
  return { recipe, config: mergeConfig(recipeDefaults(recipe), fromFile, fromFlags) };
}

function stripUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined));
}
