import { NagareError } from '@nagare/tensor';

/**
 * An output directory the CLI must not write to: inside a kernel file system (/proc, /sys, …),
 * where nothing can be created and Node's recursive mkdir never returns.
 *
 * @example
 * throw new OutputDirError('/proc/1/x', 'is inside /proc, a kernel file system');
 */
export class OutputDirError extends NagareError {
  readonly code = 'CLI_OUTPUT_DIR';

  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`${path}: ${detail}; choose another --out`);
  }
}
