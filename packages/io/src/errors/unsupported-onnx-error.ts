import { NagareError } from '@nagare/tensor';

/**
 * An ONNX operator, or an attribute or input form of it, that the runner has no nagare mapping
 * for. The runner reports the case as UNSUPPORTED instead of FAIL.
 */
export class UnsupportedOnnxError extends NagareError {
  readonly code = 'ONNX_UNSUPPORTED';

  constructor(
    readonly opType: string,
    readonly reason = '',
  ) {
    super(reason ? `${opType}: ${reason}` : `${opType}: no nagare mapping`);
  }
}
