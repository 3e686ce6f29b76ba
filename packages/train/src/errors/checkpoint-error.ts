import { NagareError } from '@nagare/tensor';

/** What is wrong with a checkpoint. */
export type CheckpointProblem =
  | 'missing'
  | 'unreadable'
  | 'corrupt'
  | 'checksum'
  | 'metadata'
  | 'no-training-state'
  | 'mismatch';

/**
 * A checkpoint that cannot be loaded or does not fit the run: the message names the file and the
 * problem in one line, for command-line tools to print as is.
 *
 * @example
 * try { await loadCheckpoint('run/last.safetensors') } catch (e) { if (e instanceof CheckpointError) console.error(e.message) }
 */
export class CheckpointError extends NagareError {
  readonly code = 'CHECKPOINT_INVALID';

  constructor(
    readonly file: string,
    readonly problem: CheckpointProblem,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}
