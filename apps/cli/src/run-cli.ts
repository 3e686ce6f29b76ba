import { isNagareError } from '@nagare/tensor';
import { CommanderError } from 'commander';
import { buildProgram, type CliIo } from './program';

/** Exit code for a user error: bad command, flag, file or config. */
export const USAGE_EXIT_CODE = 2;
/** Exit code for a bug in nagare (an unexpected exception). */
export const INTERNAL_EXIT_CODE = 1;

// Errors of the file system that mean "the path the user gave is wrong", not a bug.
const USER_FS_CODES = new Set(['ENOENT', 'EISDIR', 'ENOTDIR', 'EACCES', 'EPERM', 'EEXIST', 'ENOSPC']);

function isUserError(error: unknown): boolean {
  if (isNagareError(error)) return true;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' && USER_FS_CODES.has(code);
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim();

/**
 * Runs the CLI on `args` (without `node` and the script) and returns the exit code: 0 on success,
 * 2 for a user error (one line naming the file or flag and the problem, plus the usage and nearest
 * match for an unknown command or flag), 1 for an internal error, 130 after Ctrl-C in `train`.
 * Stack traces are printed only with `--verbose`.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2));
 */
export async function runCli(args: readonly string[], io: CliIo = processIo()): Promise<number> {
  const isVerbose = args.includes('--verbose');
  let exitCode = 0;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (args.length === 0) {
    io.out(program.helpInformation());
    return 0;
  }
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version end parsing with a CommanderError too, but they are successes.
      return error.exitCode === 0 ? 0 : USAGE_EXIT_CODE;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (isUserError(error)) {
      io.err(`nagare: ${oneLine(message)}\n`);
      if (isVerbose && error instanceof Error) io.err(`${error.stack}\n`);
      return USAGE_EXIT_CODE;
    }
    io.err(`nagare: internal error: ${oneLine(message)}\n`);
    io.err(
      isVerbose && error instanceof Error
        ? `${error.stack}\n`
        : '(run again with --verbose for the stack trace)\n',
    );
    return INTERNAL_EXIT_CODE;
  }
}

/** The real process streams. */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    progressStream: process.stderr,
  };
}
