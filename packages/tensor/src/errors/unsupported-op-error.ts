import { NagareError } from './nagare-error';

/** The active backend has no kernel for this op and dtype. Backends never fall back silently. */
export class UnsupportedOpError extends NagareError {
  readonly code = 'UNSUPPORTED_OP';

  constructor(
    readonly op: string,
    readonly dtype: string,
    readonly backend: string,
  ) {
    super(`${op}: no ${dtype} kernel on the ${backend} backend`);
  }
}
