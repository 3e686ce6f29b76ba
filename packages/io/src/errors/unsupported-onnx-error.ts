import { NagareError } from '@nagare/tensor';

/**
 * ONNX operators, or an attribute or input form of one, that nagare has no mapping for.
 * `importOnnx` lists every unmapped operator of a graph at once (`opTypes`); a mapping that meets a
 * form it cannot express while running names that one operator and the `reason`.
 *
 * @example
 * try { importOnnx(bytes); } catch (error) {
 *   if (error instanceof UnsupportedOnnxError) console.log(error.opTypes); // ['NonMaxSuppression', 'Loop']
 * }
 */
export class UnsupportedOnnxError extends NagareError {
  readonly code = 'ONNX_UNSUPPORTED';
  /** The unsupported operators, each once, in graph order. */
  readonly opTypes: readonly string[];

  constructor(
    opTypes: string | readonly string[],
    readonly reason = '',
  ) {
    const list = typeof opTypes === 'string' ? [opTypes] : [...opTypes];
    const subject = list.length === 1 ? list[0] : `${list.length} operators (${list.join(', ')})`;
    super(`${subject}: ${reason || 'no nagare mapping'}`);
    this.opTypes = list;
  }

  /** The unsupported operator, or the list joined with commas when there are several. */
  get opType(): string {
    return this.opTypes.join(', ');
  }
}
