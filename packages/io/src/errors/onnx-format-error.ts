import { NagareError } from '@nagare/tensor';

/**
 * ONNX bytes that cannot be decoded or do not describe a valid model or tensor: truncated or
 * corrupt protobuf, raw data of the wrong length, dims that are not valid lengths.
 * `source` names the function or file that was being read.
 *
 * @example
 * try { readOnnxModel(bytes) } catch (e) { if (e instanceof OnnxFormatError) console.error(e.message) }
 */
export class OnnxFormatError extends NagareError {
  readonly code = 'ONNX_FORMAT';

  constructor(
    readonly source: string,
    readonly detail: string,
  ) {
    super(`${source}: ${detail}`);
  }
}
