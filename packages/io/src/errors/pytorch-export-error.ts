import { NagareError } from '@nagare/tensor';

/**
 * A module has no PyTorch form that `exportPyTorch` can write: an unknown module class (a user's
 * own Module subclass), or options PyTorch 1.13 has no equivalent for (an LSTM with peepholes,
 * asymmetric convolution padding). `path` is the module's dotted name in the model ('' for the
 * model itself) and `moduleType` its class.
 *
 * @example
 * try { exportPyTorch(model) } catch (e) { if (e instanceof PyTorchExportError) console.error(e.path, e.moduleType) }
 */
export class PyTorchExportError extends NagareError {
  readonly code = 'PYTORCH_EXPORT';

  constructor(
    readonly path: string,
    readonly moduleType: string,
    detail: string,
  ) {
    super(`exportPyTorch: ${path === '' ? 'the model' : `module "${path}"`} (${moduleType}) ${detail}`);
  }
}
