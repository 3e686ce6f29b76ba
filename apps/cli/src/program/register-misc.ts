import type { NagareCommand } from './nagare-command';
import type { CommandContext } from './options';

/** `nagare bench`: the side-by-side benchmark suite in bench/. */
export function addBenchCommand(program: NagareCommand, { setExit }: CommandContext): void {
  program
    .command('bench')
    .description('run the side-by-side benchmark suite (bench/) and print its table')
    .argument('[args...]', 'passed on to the suite')
    .allowUnknownOption()
    .action(async (args) => {
      const { benchCommand } = await import('../commands/bench');
      setExit(await benchCommand(args));
    });
}

/** `nagare recipes`: the built-in recipes. */
export function addRecipesCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('recipes')
    .description('list the built-in recipes')
    .option('--json', 'print JSON with every default')
    .action(async (flags) => {
      const { recipesCommand } = await import('../commands/recipes');
      setExit(recipesCommand(flags, log));
    });
}
