import { NagareError } from './nagare-error';

/** A dtype the op does not accept: `matmul: expected float inputs (a: int32, b: float32)`. */
export class DTypeError extends NagareError {
  readonly code = 'DTYPE_MISMATCH';

  constructor(
    readonly op: string,
    detail: string,
    readonly dtypes: Record<string, string> = {},
  ) {
    const listed = Object.entries(dtypes)
      .map(([name, dtype]) => `${name}: ${dtype}`)
      .join(', ');
    super(listed ? `${op}: ${detail} (${listed})` : `${op}: ${detail}`);
  }
}
