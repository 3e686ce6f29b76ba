/**
 * ONNX element types (TensorProto.DataType in onnx.proto), by name.
 *
 * @example
 * OnnxDataType.FLOAT; // 1
 */
export const OnnxDataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
} as const;

/** The numeric code of an ONNX element type. */
export type OnnxDataTypeCode = number;

const NAMES = new Map<number, string>(Object.entries(OnnxDataType).map(([name, code]) => [code, name]));

/**
 * The name of an ONNX element type code (`onnxDataTypeName(7)` is `'INT64'`), or `'type <n>'`.
 *
 * @example
 * onnxDataTypeName(OnnxDataType.DOUBLE); // 'DOUBLE'
 */
export function onnxDataTypeName(code: OnnxDataTypeCode): string {
  return NAMES.get(code) ?? `type ${code}`;
}

/** Values of a tensor in host memory, in the array type that holds its ONNX element type exactly. */
export type OnnxTensorValues = Float32Array | Float64Array | Int32Array | BigInt64Array | Uint8Array;

/** A decoded TensorProto: element type, dims (`[]` is a scalar) and row-major values. */
export interface OnnxTensor {
  name: string;
  dataType: OnnxDataTypeCode;
  dims: number[];
  /** FLOAT: Float32Array, DOUBLE: Float64Array, INT32: Int32Array, INT64: BigInt64Array, UINT8 and BOOL: Uint8Array. */
  values: OnnxTensorValues;
}

/** One attribute of a node, tagged by its kind. */
export type OnnxAttribute =
  | { type: 'float'; value: number }
  | { type: 'int'; value: number }
  | { type: 'string'; value: string }
  | { type: 'tensor'; value: OnnxTensor }
  | { type: 'graph'; value: OnnxGraph }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: number[] }
  | { type: 'strings'; value: string[] }
  | { type: 'tensors'; value: OnnxTensor[] }
  | { type: 'graphs'; value: OnnxGraph[] };

/** One operator invocation. An empty input name marks an omitted optional input. */
export interface OnnxNode {
  name: string;
  opType: string;
  /** `''` is the default domain `ai.onnx`. */
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, OnnxAttribute>;
}

/** A dimension: a fixed length, a symbolic name, or `null` when unknown. */
export type OnnxDim = number | string | null;

/** A graph input or output: its name and, for tensors, the element type and shape when recorded. */
export interface OnnxValueInfo {
  name: string;
  /** `'tensor'`, or the kind of non-tensor value (`'sequence'`, `'map'`, `'optional'`, `'sparse_tensor'`), or `'unknown'`. */
  kind: 'tensor' | 'sequence' | 'map' | 'optional' | 'sparse_tensor' | 'unknown';
  elemType?: OnnxDataTypeCode;
  /** Absent when the shape is unknown (any rank). */
  shape?: OnnxDim[];
}

/** A computation graph: nodes in topological order, inputs, outputs and constant initializers. */
export interface OnnxGraph {
  name: string;
  nodes: OnnxNode[];
  inputs: OnnxValueInfo[];
  outputs: OnnxValueInfo[];
  initializers: OnnxTensor[];
  valueInfo: OnnxValueInfo[];
}

/** An operator set the model uses: `domain` (`''` is `ai.onnx`) at `version`. */
export interface OnnxOpsetImport {
  domain: string;
  version: number;
}

/** A decoded ModelProto. */
export interface OnnxModel {
  irVersion: number;
  producerName: string;
  producerVersion: string;
  domain: string;
  modelVersion: number;
  docString: string;
  opsetImports: OnnxOpsetImport[];
  graph: OnnxGraph;
  metadata: Record<string, string>;
}
