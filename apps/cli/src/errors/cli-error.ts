import { NagareError } from '@nagare/tensor';

/**
 * A mistake in what the user asked for or gave the CLI (a missing file, a config that is not JSON,
 * an unknown recipe): printed as one line, exit code 2, never a stack trace.
 *
 * @example
 * throw new CliError('runs/x/config.json', 'no such file or directory');
 * // → "runs/x/config.json: no such file or directory"
 */
export class CliError extends NagareError {
  readonly code = 'CLI_USER_ERROR';

  constructor(
    readonly subject: string,
    detail: string,
  ) {
    super(`${subject}: ${detail}`);
  }
}
