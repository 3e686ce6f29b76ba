import manifest from '../package.json' with { type: 'json' };
import { NagareCommand } from './program/nagare-command';
import type { CliIo, CommandContext } from './program/options';
import { addExportCommand, addImportCommand } from './program/register-interop';
import { addBenchCommand, addRecipesCommand } from './program/register-misc';
import { addEvalCommand, addInspectCommand, addPredictCommand } from './program/register-run-tools';
import { addExperimentCommand, addTrainCommand, addTuneCommand } from './program/register-training';

export type { CliIo } from './program/options';

// The order of `nagare --help`.
const COMMANDS = [
  addTrainCommand,
  addEvalCommand,
  addPredictCommand,
  addTuneCommand,
  addInspectCommand,
  addBenchCommand,
  addExperimentCommand,
  addRecipesCommand,
  addExportCommand,
  addImportCommand,
];

/** The root `nagare` command: version, --verbose, and commander's errors thrown, not exited. */
function rootCommand(io: CliIo): NagareCommand {
  return new NagareCommand('nagare')
    .description('Train, evaluate and inspect neural networks with nagare.')
    .version(manifest.version, '-V, --version', 'print the version')
    .option('--verbose', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(true)
    .showSuggestionAfterError(true) as NagareCommand;
}

/**
 * Builds the `nagare` command-line program. Commands load their modules when they run, so
 * `nagare --help` and `nagare recipes` start without loading the training stack. Each action stores
 * its exit code through `setExit`; commander's own errors (unknown command or flag, bad value) are thrown as CommanderError.
 *
 * @example
 * const program = buildProgram(io, (code) => { exitCode = code; });
 * await program.parseAsync(['recipes'], { from: 'user' });
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void): NagareCommand {
  const program = rootCommand(io);
  const context: CommandContext = { io, log: (line) => io.out(`${line}\n`), setExit };
  for (const add of COMMANDS) add(program, context);
  return program;
}
