import { Command } from 'commander';
import { cliCommand } from '../util/cli-command';

// Errors about a value the user gave (a bad number, a missing argument or option value): one line
// and a pointer to --help. Unknown commands and flags still print the usage and the nearest match.
const VALUE_ERROR_CODES = new Set([
  'commander.invalidArgument',
  'commander.missingArgument',
  'commander.optionMissingArgument',
  'commander.missingMandatoryOptionValue',
]);

/** The words after `nagare` that name this command (`['train']`, or `[]` for the program). */
function commandWords(command: Command): string[] {
  const words: string[] = [];
  for (let current: Command | null = command; current?.parent; current = current.parent)
    words.unshift(current.name());
  return words;
}

/**
 * A commander `Command` whose value errors are one line ending in the command that shows help,
 * instead of the whole usage; subcommands are created as NagareCommand too.
 *
 * @example
 * const program = new NagareCommand('nagare').showHelpAfterError(true);
 */
export class NagareCommand extends Command {
  override createCommand(name?: string): NagareCommand {
    return new NagareCommand(name);
  }

  override error(message: string, options?: { code?: string; exitCode?: number }): never {
    if (!VALUE_ERROR_CODES.has(options?.code ?? '')) return super.error(message, options);
    const help = cliCommand([...commandWords(this), '--help']);
    // The whole run ends with this error, so turning the usage off does not outlive it.
    this.showHelpAfterError(false);
    return super.error(`${message.replace(/\.?$/, '')} (see \`${help}\`)`, options);
  }
}
