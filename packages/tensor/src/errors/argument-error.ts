import { NagareError } from './nagare-error';

/** An argument value that is out of range or malformed: `sum: axis 3 is out of range for rank 2`. */
export class ArgumentError extends NagareError {
  readonly code = 'INVALID_ARGUMENT';

  constructor(
    readonly op: string,
    detail: string,
  ) {
    super(`${op}: ${detail}`);
  }
}
