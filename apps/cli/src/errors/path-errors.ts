import { CliError } from './cli-error';

// One wording for a path the user gave that is not there or not what was expected, used by every
// command (eval, inspect, predict, export, import, train and train --resume), so the same mistake
// reads the same wherever it is made.

/**
 * `<path>: no such file or directory`.
 *
 * @example
 * throw missingPathError('runs/typo');
 */
export const missingPathError = (path: string) => new CliError(path, 'no such file or directory');

/**
 * `<path>: is a directory, expected a <kind> file`.
 *
 * @example
 * throw directoryNotFileError('runs/x', '.safetensors');
 */
export const directoryNotFileError = (path: string, kind: string) =>
  new CliError(path, `is a directory, expected a ${kind} file`);

/** `<dir>: not a run directory (…)`: a directory without checkpoints. */
export const notARunDirectoryError = (dir: string) =>
  new CliError(dir, 'not a run directory (no checkpoints/best.safetensors or checkpoints/last.safetensors)');
