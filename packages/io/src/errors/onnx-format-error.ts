import { NagareError } from '@nagare/tensor';

/** The node an `OnnxFormatError` is about: its name (may be empty) and operator type. */
export interface OnnxNodeRef {
  readonly name: string;
  readonly opType: string;
}

/**
 * ONNX bytes that cannot be decoded or do not describe a valid model or tensor: truncated or
 * corrupt protobuf, raw data of the wrong length, dims that are not valid lengths, or a graph that
 * breaks ONNX's rules (wrong arity, unknown attribute, reused value name, unsupported opset or
 * element type). `source` names the function or file that was being read; `node` names the
 * offending node when there is one.
 *
 * @example
 * try { readOnnxModel(bytes) } catch (e) { if (e instanceof OnnxFormatError) console.error(e.message) }
 */
export class OnnxFormatError extends NagareError {
  readonly code = 'ONNX_FORMAT';
  /** The node at fault, when the problem is one node's. */
  readonly node?: OnnxNodeRef;

  constructor(
    readonly source: string,
    readonly detail: string,
    node?: OnnxNodeRef,
  ) {
    super(node ? `${source}: node "${node.name}" (${node.opType}) ${detail}` : `${source}: ${detail}`);
    if (node) this.node = { name: node.name, opType: node.opType };
  }
}
