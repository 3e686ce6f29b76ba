import { NagareError } from './nagare-error';

/** A tensor was used after `dispose()` (or after the `tidy` that owned it ended). */
export class DisposedTensorError extends NagareError {
  readonly code = 'DISPOSED_TENSOR';

  constructor(
    readonly op: string,
    readonly argument: string,
  ) {
    super(`${op}: ${argument} was used after it was disposed`);
  }
}
