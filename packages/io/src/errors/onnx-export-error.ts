import { NagareError } from '@nagare/tensor';

/**
 * A traced forward pass used nagare ops that have no ONNX form (backward kernels, in-place
 * optimizer updates), or produced no tensor to export. `ops` lists every such op, each once.
 *
 * @example
 * try { exportOnnx(model, x) } catch (e) { if (e instanceof OnnxExportError) console.error(e.ops) }
 */
export class OnnxExportError extends NagareError {
  readonly code = 'ONNX_EXPORT';

  constructor(
    readonly ops: readonly string[],
    detail: string,
  ) {
    super(`exportOnnx: ${detail}`);
  }
}
