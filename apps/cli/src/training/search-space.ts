import { logUniform, type ParamValue, type SearchSpace } from '@nagare/train';
import { CONFIG_KEYS, checkConfig, type TrainConfig } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import type { Recipe } from '../recipes/recipe';

const MODEL_PREFIX = 'model.';

/**
 * The space `nagare tune` searches for a recipe: its own, or the lecture's default — the learning
 * rate log-uniform within a factor 10 of the recipe's, and weight decay log-uniform in [1e-8, 1e-4].
 *
 * @example
 * searchSpaceOf(recipe, config); // { lr: logUniform(1e-4, 1e-2), weightDecay: logUniform(1e-8, 1e-4) }
 */
export function searchSpaceOf(recipe: Recipe, config: TrainConfig): SearchSpace {
  const space = recipe.searchSpace?.(config) ?? {
    lr: logUniform(config.lr / 10, config.lr * 10),
    weightDecay: logUniform(1e-8, 1e-4),
  };
  for (const key of Object.keys(space)) {
    const isKnown = key.startsWith(MODEL_PREFIX)
      ? key.slice(MODEL_PREFIX.length) in config.model
      : CONFIG_KEYS.includes(key as keyof TrainConfig);
    if (!isKnown)
      throw new CliError(recipe.name, `search space key "${key}" is not a config key or model option`);
  }
  return space;
}

/**
 * The config of one trial: `params` (by config key or `model.<option>`) applied over `config`,
 * checked like any config.
 *
 * @example
 * applyParams(config, { lr: 0.003, 'model.dropout': 0.1 }).model.dropout; // 0.1
 */
export function applyParams(config: TrainConfig, params: Record<string, ParamValue>): TrainConfig {
  const model = { ...config.model };
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith(MODEL_PREFIX)) model[key.slice(MODEL_PREFIX.length)] = value;
    else settings[key] = value;
  }
  const checked = checkConfig({ ...settings, model }, 'search space', config.model);
  return { ...config, ...checked, model };
}
