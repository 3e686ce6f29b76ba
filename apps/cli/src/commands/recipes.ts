import { recipeDefaults } from '../config/resolve-config';
import { RECIPES } from '../recipes/registry';
import { cliCommand } from '../util/cli-command';
import { formatTable } from '../util/format';

/**
 * `nagare recipes`: the built-in recipes with their one-line descriptions and main defaults;
 * `--json` gives every default.
 *
 * @example
 * recipesCommand({}, console.log); // mnist-mlp  MLP 784-512-256-10 …
 */
export function recipesCommand(flags: { json?: boolean }, log: (line: string) => void): number {
  if (flags.json) {
    log(
      JSON.stringify(
        RECIPES.map((recipe) => ({
          name: recipe.name,
          description: recipe.description,
          defaults: recipeDefaults(recipe),
        })),
      ),
    );
    return 0;
  }
  const rows = RECIPES.map((recipe) => {
    const d = recipeDefaults(recipe);
    return [
      recipe.name,
      recipe.description,
      `${d.epochs} epochs, ${d.optimizer} lr ${d.lr}, batch ${d.batchSize}`,
    ];
  });
  log(formatTable(['recipe', 'description', 'defaults'], rows));
  log('');
  log(
    `Train one with \`${cliCommand(['train', '<recipe>'])}\`; override any default with flags (see \`${cliCommand(['train', '--help'])}\`).`,
  );
  return 0;
}
