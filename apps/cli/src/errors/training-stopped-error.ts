import { NagareError } from '@nagare/tensor';

/**
 * A training run that could not go on: the loss or a gradient became NaN/Inf (from a diverging
 * learning rate, bad data, or a damaged checkpoint). The CLI prints it as one line and exits with
 * code 2; the run directory keeps its report and the last finite checkpoint.
 *
 * @example
 * throw new TrainingStoppedError('runs/x', 'nanGuard: loss is NaN at epoch 2, batch 5');
 */
export class TrainingStoppedError extends NagareError {
  readonly code = 'CLI_TRAINING_STOPPED';

  constructor(
    readonly runDir: string,
    readonly reason: string,
  ) {
    super(`${runDir}: training stopped: ${reason}; no test accuracy was measured`);
  }
}
