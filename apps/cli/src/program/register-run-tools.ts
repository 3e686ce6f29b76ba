import { Option } from 'commander';
import { LIMITS } from '../config/limits';
import { integerFlag } from '../util/parse-flag';
import type { NagareCommand } from './nagare-command';
import {
  backendOption,
  type CommandContext,
  dataDirOption,
  limitOption,
  RUN_BACKEND_HELP,
  threadsOption,
} from './options';

const RUN_ARGUMENT = ['<run-dir|checkpoint>', 'a run directory or a .safetensors checkpoint'] as const;

/** `nagare eval`: a trained model's metrics on a split. */
export function addEvalCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('eval')
    .description("measure a trained model on a split (the run's best checkpoint)")
    .argument(...RUN_ARGUMENT)
    .addOption(new Option('--split <split>', 'which split').choices(['train', 'val', 'test']).default('test'))
    .option('--json', 'print JSON instead of a table')
    .addOption(limitOption())
    .addOption(backendOption(RUN_BACKEND_HELP))
    .addOption(threadsOption())
    .addOption(dataDirOption())
    .action(async (target, flags) => {
      const { evalCommand } = await import('../commands/eval');
      setExit(await evalCommand(target, flags, log));
    });
}

/** `nagare predict`: classify a PNG, a CSV file or an inline row. */
export function addPredictCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('predict')
    .description('classify a PNG image, a CSV file or an inline CSV row')
    .argument(...RUN_ARGUMENT)
    .argument(
      '<input>',
      'a .png image, a .csv file (one sample per row), or "v1,v2,..." (after -- when it starts with -)',
    )
    .addOption(
      new Option('--top <k>', 'show the k most likely classes').argParser(integerFlag(LIMITS.top)).default(3),
    )
    .option('--json', 'print JSON instead of a table')
    .addOption(backendOption(RUN_BACKEND_HELP))
    .action(async (target, input, flags) => {
      const { predictCommand } = await import('../commands/predict');
      setExit(await predictCommand(target, input, flags, log));
    });
}

/** `nagare inspect`: a checkpoint's tensors, metadata and checksum. */
export function addInspectCommand(program: NagareCommand, { log, setExit }: CommandContext): void {
  program
    .command('inspect')
    .description('list the tensors, shapes, dtypes, parameter count and metadata of a checkpoint')
    .argument('<checkpoint>', 'a .safetensors file (or a run directory)')
    .option('--json', 'print JSON instead of tables')
    .action(async (target, flags) => {
      const { inspectCommand } = await import('../commands/inspect');
      setExit(await inspectCommand(target, flags, log));
    });
}
