import { BASE_CONFIG, type BackendName } from '../config/train-config';
import { CliError } from '../errors/cli-error';
import type { ExperimentSize } from '../experiments/experiment';
import { EXPERIMENTS, findExperiment } from '../experiments/registry';
import { runExperiment } from '../experiments/run-experiment';
import type { ProgressOutput } from '../training/progress-callback';
import { checkOutputLocation, prepareRunDir } from '../training/run-dir';
import { cliCommand } from '../util/cli-command';
import { formatTable } from '../util/format';

/** The flags of `nagare experiment` as commander parses them. */
export interface ExperimentFlags {
  quick?: boolean;
  full?: boolean;
  seed?: number;
  backend?: BackendName;
  threads?: number;
  out?: string;
}

function listExperiments(log: (line: string) => void): number {
  log(
    formatTable(
      ['experiment', 'description'],
      EXPERIMENTS.map((e) => [e.name, e.description]),
    ),
  );
  log('');
  log(
    `Run one with \`${cliCommand(['experiment', '<name>'])}\` (about 10 minutes at most; --quick for a first look, --full for more).`,
  );
  return 0;
}

/**
 * `nagare experiment <name> [--quick | --full]`: runs one of the curriculum's experiments into a
 * run directory (metrics.jsonl, report.html). Without a name it lists the experiments.
 *
 * @example
 * await experimentCommand('optimizers', { quick: true }, output);
 */
export async function experimentCommand(
  name: string | undefined,
  flags: ExperimentFlags,
  output: ProgressOutput,
): Promise<number> {
  if (name === undefined) return listExperiments(output.log);
  if (flags.quick && flags.full) throw new CliError('--quick', 'choose one of --quick and --full');
  const experiment = findExperiment(name);
  if (flags.out !== undefined) await checkOutputLocation(flags.out);
  const size: ExperimentSize = flags.quick ? 'quick' : flags.full ? 'full' : 'default';
  await runExperiment(
    {
      experiment,
      size,
      seed: flags.seed ?? 0,
      outDir: await prepareRunDir(flags.out, experiment.name),
      backend: flags.backend ?? 'auto',
      threads: flags.threads ?? BASE_CONFIG.threads,
    },
    output,
  );
  return 0;
}
