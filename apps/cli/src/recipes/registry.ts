import { CliError } from '../errors/cli-error';
import { didYouMean } from '../util/nearest';
import { fashionMlp } from './fashion-mlp';
import { mnistLenet5 } from './mnist-lenet5';
import { mnistMlp } from './mnist-mlp';
import type { Recipe } from './recipe';
import { spiralMlp } from './spiral-mlp';

/** Every built-in recipe, in the order `nagare recipes` lists them. A new recipe adds one line here. */
export const RECIPES: readonly Recipe[] = [mnistMlp, mnistLenet5, fashionMlp, spiralMlp];

/**
 * The recipe called `name`; a CliError with the nearest name otherwise.
 *
 * @example
 * findRecipe('mnist-mlp').defaults.epochs; // 10
 */
export function findRecipe(name: string): Recipe {
  const recipe = RECIPES.find((candidate) => candidate.name === name);
  if (recipe) return recipe;
  const names = RECIPES.map((r) => r.name);
  const hint = didYouMean(name, names) || `; built-in recipes: ${names.join(', ')}`;
  throw new CliError(name, `unknown recipe${hint}`);
}
