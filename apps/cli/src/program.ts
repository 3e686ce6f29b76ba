import { Command, Option } from 'commander';
import manifest from '../package.json' with { type: 'json' };
import { registerInteropCommands } from './commands/register-interop';
import { BACKEND_NAMES, OPTIMIZER_NAMES, SCHEDULE_NAMES } from './config/train-config';
import { integerFlag, nonNegativeNumberFlag, positiveNumberFlag } from './util/parse-flag';

/** Where the CLI writes: results to `out`, progress bars and errors to `err`. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progressStream: NodeJS.WriteStream;
}

const backendOption = (help = 'compute backend (auto = the fastest that works)') =>
  new Option('--backend <name>', help).choices(BACKEND_NAMES);
const RUN_BACKEND_HELP = "compute backend (default: the run's own)";
const threadsOption = () =>
  new Option('--threads <n>', 'worker threads of the wasm backend').argParser(integerFlag(1));
const limitOption = () =>
  new Option('--limit <n>', 'use only the first N samples of each split (quick runs)').argParser(
    integerFlag(1),
  );
const dataDirOption = () =>
  new Option('--data-dir <dir>', "directory with the dataset's files (fashion-mlp)");

/**
 * Builds the `nagare` command-line program. Commands load their modules when they run, so
 * `nagare --help` and `nagare recipes` start without loading the training stack. Each action stores
 * its exit code through `setExit`; commander's own errors (unknown command or flag, bad value) are thrown as CommanderError.
 *
 * @example
 * const program = buildProgram(io, (code) => { exitCode = code; });
 * await program.parseAsync(['recipes'], { from: 'user' });
 */
export function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const log = (line: string) => io.out(`${line}\n`);
  const program = new Command('nagare')
    .description('Train, evaluate and inspect neural networks with nagare.')
    .version(manifest.version, '-V, --version', 'print the version')
    .option('--verbose', 'print stack traces of errors')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError(true)
    .showSuggestionAfterError(true);

  program
    .command('train')
    .description('train a built-in recipe or a config.json; writes a run directory')
    .argument('[recipe|config]', 'recipe name (see `nagare recipes`) or a config.json file')
    .addOption(new Option('--epochs <n>', 'number of epochs').argParser(integerFlag(1)))
    .addOption(new Option('--batch-size <n>', 'samples per batch').argParser(integerFlag(1)))
    .addOption(new Option('--lr <x>', 'learning rate').argParser(positiveNumberFlag))
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(OPTIMIZER_NAMES))
    .addOption(new Option('--weight-decay <x>', 'L2 weight decay').argParser(nonNegativeNumberFlag))
    .addOption(new Option('--schedule <name>', 'learning-rate schedule').choices(SCHEDULE_NAMES))
    .addOption(new Option('--seed <n>', 'random seed (init, shuffling, dropout)').argParser(integerFlag(0)))
    .addOption(backendOption())
    .addOption(threadsOption())
    .addOption(limitOption())
    .addOption(
      new Option('--augment <pixels>', 'random shifts of training images by up to N pixels').argParser(
        integerFlag(0),
      ),
    )
    .addOption(dataDirOption())
    .option('--out <dir>', 'run directory (default: runs/<recipe>-<date>-<time>)')
    .option('--resume <dir>', 'continue the run in this directory from its last checkpoint')
    .option('--init-from <file>', 'start from these weights (a checkpoint, or a state dict saved in PyTorch)')
    .action(async (target, flags) => {
      const { trainCommand } = await import('./commands/train');
      setExit(await trainCommand(target, flags, { stream: io.progressStream, log }));
    });

  program
    .command('eval')
    .description("measure a trained model on a split (the run's best checkpoint)")
    .argument('<run-dir|checkpoint>', 'a run directory or a .safetensors checkpoint')
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'val', 'test']).default('test'))
    .option('--json', 'print JSON instead of a table')
    .addOption(limitOption())
    .addOption(backendOption(RUN_BACKEND_HELP))
    .addOption(threadsOption())
    .addOption(dataDirOption())
    .action(async (target, flags) => {
      const { evalCommand } = await import('./commands/eval');
      setExit(await evalCommand(target, flags, log));
    });

  program
    .command('predict')
    .description('classify a PNG image, a CSV file or an inline CSV row')
    .argument('<run-dir|checkpoint>', 'a run directory or a .safetensors checkpoint')
    .argument(
      '<input>',
      'a .png image, a .csv file (one sample per row), or "v1,v2,..." (after -- when it starts with -)',
    )
    .addOption(new Option('--top <k>', 'show the k most likely classes').argParser(integerFlag(1)).default(3))
    .option('--json', 'print JSON instead of a table')
    .addOption(backendOption(RUN_BACKEND_HELP))
    .action(async (target, input, flags) => {
      const { predictCommand } = await import('./commands/predict');
      setExit(await predictCommand(target, input, flags, log));
    });

  program
    .command('tune')
    .description('random hyper-parameter search on the validation split; writes tune.jsonl')
    .argument('<recipe>', 'recipe name')
    .addOption(new Option('--trials <n>', 'trials per round').argParser(integerFlag(1)).default(10))
    .addOption(
      new Option('--rounds <n>', 'rounds; each narrows the ranges around the best trials')
        .argParser(integerFlag(1))
        .default(2),
    )
    .addOption(new Option('--epochs <n>', 'epochs per trial').argParser(integerFlag(1)))
    .addOption(new Option('--seed <n>', 'seed of the search').argParser(integerFlag(0)).default(0))
    .addOption(limitOption())
    .addOption(backendOption())
    .addOption(threadsOption())
    .addOption(dataDirOption())
    .option('--out <dir>', 'directory of tune.jsonl (default: runs/tune-<recipe>-<date>-<time>)')
    .action(async (recipe, flags) => {
      const { tuneCommand } = await import('./commands/tune');
      setExit(await tuneCommand(recipe, flags, { stream: io.progressStream, log }));
    });

  program
    .command('inspect')
    .description('list the tensors, shapes, dtypes, parameter count and metadata of a checkpoint')
    .argument('<checkpoint>', 'a .safetensors file (or a run directory)')
    .option('--json', 'print JSON instead of tables')
    .action(async (target, flags) => {
      const { inspectCommand } = await import('./commands/inspect');
      setExit(await inspectCommand(target, flags, log));
    });

  program
    .command('bench')
    .description('run the side-by-side benchmark suite (bench/) and print its table')
    .argument('[args...]', 'passed on to the suite')
    .allowUnknownOption()
    .action(async (args) => {
      const { benchCommand } = await import('./commands/bench');
      setExit(await benchCommand(args));
    });

  program
    .command('experiment')
    .description("run one of the curriculum's experiments (no name: list them); writes a run directory")
    .argument('[name]', 'experiment name')
    .option('--quick', 'a smaller, faster version')
    .option('--full', 'a larger version (may take longer than 10 minutes)')
    .addOption(new Option('--seed <n>', 'random seed').argParser(integerFlag(0)))
    .addOption(backendOption())
    .addOption(threadsOption())
    .option('--out <dir>', 'run directory (default: runs/<experiment>-<date>-<time>)')
    .action(async (name, flags) => {
      const { experimentCommand } = await import('./commands/experiment');
      setExit(await experimentCommand(name, flags, { stream: io.progressStream, log }));
    });

  program
    .command('recipes')
    .description('list the built-in recipes')
    .option('--json', 'print JSON with every default')
    .action(async (flags) => {
      const { recipesCommand } = await import('./commands/recipes');
      setExit(recipesCommand(flags, log));
    });

  registerInteropCommands(program, log, setExit);

  return program;
}
