import { Option } from 'commander';
import { LIMITS } from '../config/limits';
import { OPTIMIZER_NAMES, SCHEDULE_NAMES } from '../config/train-config';
import { cliCommand } from '../util/cli-command';
import { integerFlag, nonNegativeNumberFlag, positiveNumberFlag } from '../util/parse-flag';
import type { NagareCommand } from './nagare-command';
import {
  backendOption,
  type CommandContext,
  dataDirOption,
  epochsOption,
  limitOption,
  seedOption,
  threadsOption,
} from './options';

/** `nagare train`: a recipe or config file into a run directory, or `--resume` one. */
export function addTrainCommand(program: NagareCommand, { io, log, setExit }: CommandContext): void {
  program
    .command('train')
    .description('train a built-in recipe or a config.json; writes a run directory')
    .argument('[recipe|config]', `recipe name (see \`${cliCommand(['recipes'])}\`) or a config.json file`)
    .addOption(epochsOption('number of epochs'))
    .addOption(
      new Option(
        '--batch-size <n>',
        `samples per batch (at most ${LIMITS.batchSize.max.toLocaleString('en-US')})`,
      ).argParser(integerFlag(LIMITS.batchSize)),
    )
    .addOption(new Option('--lr <x>', 'learning rate').argParser(positiveNumberFlag))
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(OPTIMIZER_NAMES))
    .addOption(new Option('--weight-decay <x>', 'L2 weight decay').argParser(nonNegativeNumberFlag))
    .addOption(new Option('--schedule <name>', 'learning-rate schedule').choices(SCHEDULE_NAMES))
    .addOption(seedOption('random seed (init, shuffling, dropout)'))
    .addOption(backendOption())
    .addOption(threadsOption())
    .addOption(limitOption())
    .addOption(
      new Option('--augment <pixels>', 'random shifts of training images by up to N pixels').argParser(
        integerFlag(LIMITS.augment),
      ),
    )
    .addOption(dataDirOption())
    .option('--out <dir>', 'run directory (default: runs/<recipe>-<date>-<time>)')
    .option('--resume <dir>', 'continue the run in this directory from its last checkpoint')
    .option('--init-from <file>', 'start from these weights (a checkpoint, or a state dict saved in PyTorch)')
    .action(async (target, flags) => {
      const { trainCommand } = await import('../commands/train');
      setExit(await trainCommand(target, flags, { stream: io.progressStream, log }));
    });
}

/** `nagare tune`: random hyper-parameter search into tune.jsonl. */
export function addTuneCommand(program: NagareCommand, { io, log, setExit }: CommandContext): void {
  program
    .command('tune')
    .description('random hyper-parameter search on the validation split; writes tune.jsonl')
    .argument('<recipe>', 'recipe name')
    .addOption(
      new Option('--trials <n>', 'trials per round').argParser(integerFlag(LIMITS.trials)).default(10),
    )
    .addOption(
      new Option('--rounds <n>', 'rounds; each narrows the ranges around the best trials')
        .argParser(integerFlag(LIMITS.rounds))
        .default(2),
    )
    .addOption(epochsOption('epochs per trial'))
    .addOption(seedOption('seed of the search').default(0))
    .addOption(limitOption())
    .addOption(backendOption())
    .addOption(threadsOption())
    .addOption(dataDirOption())
    .option('--out <dir>', 'directory of tune.jsonl (default: runs/tune-<recipe>-<date>-<time>)')
    .action(async (recipe, flags) => {
      const { tuneCommand } = await import('../commands/tune');
      setExit(await tuneCommand(recipe, flags, { stream: io.progressStream, log }));
    });
}

/** `nagare experiment`: one of the curriculum's experiments into a run directory. */
export function addExperimentCommand(program: NagareCommand, { io, log, setExit }: CommandContext): void {
  program
    .command('experiment')
    .description("run one of the curriculum's experiments (no name: list them); writes a run directory")
    .argument('[name]', 'experiment name')
    .option('--quick', 'a smaller, faster version')
    .option('--full', 'a larger version (may take longer than 10 minutes)')
    .addOption(seedOption('random seed'))
    .addOption(backendOption())
    .addOption(threadsOption())
    .option('--out <dir>', 'run directory (default: runs/<experiment>-<date>-<time>)')
    .action(async (name, flags) => {
      const { experimentCommand } = await import('../commands/experiment');
      setExit(await experimentCommand(name, flags, { stream: io.progressStream, log }));
    });
}
