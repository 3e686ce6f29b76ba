import { NagareError } from './nagare-error';

/** Tensors from two different backends met in one op, or no backend is available. */
export class BackendError extends NagareError {
  readonly code = 'BACKEND_MISMATCH';

  constructor(
    readonly op: string,
    detail: string,
  ) {
    super(`${op}: ${detail}`);
  }
}
