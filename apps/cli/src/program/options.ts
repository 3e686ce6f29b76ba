import { Option } from 'commander';
import { LIMITS } from '../config/limits';
import { BACKEND_NAMES } from '../config/train-config';
import { integerFlag } from '../util/parse-flag';

/** Where the CLI writes: results to `out`, progress bars and errors to `err`. */
export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  progressStream: NodeJS.WriteStream;
}

/** What every command's registration needs: the output and where to store the exit code. */
export interface CommandContext {
  io: CliIo;
  log: (line: string) => void;
  setExit: (code: number) => void;
}

/** `--backend`, with the help text of the command. */
export const backendOption = (help = 'compute backend (auto = the fastest that works)') =>
  new Option('--backend <name>', help).choices(BACKEND_NAMES);

/** The help of `--backend` for commands that reuse a trained run's backend. */
export const RUN_BACKEND_HELP = "compute backend (default: the run's own)";

/** `--threads`, bounded by the machine's cores (see LIMITS). */
export const threadsOption = () =>
  new Option('--threads <n>', 'worker threads of the wasm backend (at most 4 per core)').argParser(
    integerFlag(LIMITS.threads),
  );

/** `--limit`: the first N samples of each split. */
export const limitOption = () =>
  new Option('--limit <n>', 'use only the first N samples of each split (quick runs)').argParser(
    integerFlag(LIMITS.limit),
  );

/** `--data-dir` for recipes whose files are not on npm. */
export const dataDirOption = () =>
  new Option('--data-dir <dir>', "directory with the dataset's files (fashion-mlp)");

/** `--seed`, with the help text of the command. */
export const seedOption = (help: string) =>
  new Option('--seed <n>', help).argParser(integerFlag(LIMITS.seed));

/** `--epochs`, with the help text of the command. */
export const epochsOption = (help: string) =>
  new Option('--epochs <n>', `${help} (at most ${LIMITS.epochs.max.toLocaleString('en-US')})`).argParser(
    integerFlag(LIMITS.epochs),
  );
