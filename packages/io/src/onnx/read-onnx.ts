import { OnnxFormatError } from '../errors/onnx-format-error';
import { decodeProto, onnxProto, type ProtoObject } from './onnx-proto';
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-types';
import { tensorFromProto } from './tensor-proto';

/** Where the bytes came from, for error messages (a file name, or the function's name). */
export interface OnnxReadOptions {
  source?: string;
}

const utf8 = new TextDecoder('utf-8');
const list = <T = ProtoObject>(value: unknown): T[] => (value as T[] | undefined) ?? [];
const int64 = (value: unknown): number => (value === undefined ? 0 : Number(value as string));

function toBytes(source: string, bytes: Uint8Array | ArrayBuffer): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes instanceof ArrayBuffer) return new Uint8Array(bytes);
  throw new OnnxFormatError(
    source,
    `expected a Uint8Array or ArrayBuffer, got ${Object.prototype.toString.call(bytes)}`,
  );
}

function decode(source: string, type: keyof typeof onnxProto, bytes: Uint8Array): ProtoObject {
  try {
    return decodeProto(onnxProto[type], bytes);
  } catch (error) {
    // protobufjs reports truncation as "index out of range" and bad tags as "invalid wire type".
    const reason = error instanceof Error ? error.message : String(error);
    throw new OnnxFormatError(source, `not a valid ${type} (corrupt or truncated protobuf: ${reason})`);
  }
}

function valueInfoFromProto(proto: ProtoObject): OnnxValueInfo {
  const name = (proto.name as string | undefined) ?? '';
  const type = proto.type as ProtoObject | undefined;
  const kind = (type?.value as string | undefined)?.replace(/_type$/, '') as
    | OnnxValueInfo['kind']
    | undefined;
  if (kind !== 'tensor') return { name, kind: kind ?? 'unknown' };
  const tensorType = type!.tensor_type as ProtoObject;
  const info: OnnxValueInfo = { name, kind, elemType: (tensorType.elem_type as number | undefined) ?? 0 };
  const shape = tensorType.shape as ProtoObject | undefined;
  if (shape) {
    info.shape = list(shape.dim).map((dim) =>
      dim.dim_value !== undefined ? int64(dim.dim_value) : ((dim.dim_param as string | undefined) ?? null),
    );
  }
  return info;
}

function attributeFromProto(proto: ProtoObject, source: string): OnnxAttribute {
  const name = (proto.name as string | undefined) ?? '';
  const text = (bytes: unknown) => utf8.decode(bytes as Uint8Array);
  // AttributeType codes from onnx.proto.
  switch ((proto.type as number | undefined) ?? 0) {
    case 1:
      return { type: 'float', value: (proto.f as number | undefined) ?? 0 };
    case 2:
      return { type: 'int', value: int64(proto.i) };
    case 3:
      return { type: 'string', value: proto.s === undefined ? '' : text(proto.s) };
    case 4:
      if (!proto.t) throw new OnnxFormatError(source, `attribute "${name}" is a TENSOR without a value`);
      return { type: 'tensor', value: tensorFromProto(proto.t as ProtoObject, source) };
    case 5:
      if (!proto.g) throw new OnnxFormatError(source, `attribute "${name}" is a GRAPH without a value`);
      return { type: 'graph', value: graphFromProto(proto.g as ProtoObject, source) };
    case 6:
      return { type: 'floats', value: list<number>(proto.floats) };
    case 7:
      return { type: 'ints', value: list(proto.ints).map(int64) };
    case 8:
      return { type: 'strings', value: list(proto.strings).map(text) };
    case 9:
      return { type: 'tensors', value: list(proto.tensors).map((t) => tensorFromProto(t, source)) };
    case 10:
      return { type: 'graphs', value: list(proto.graphs).map((g) => graphFromProto(g, source)) };
    default:
      throw new OnnxFormatError(
        source,
        `attribute "${name}" has unsupported type ${String(proto.type ?? 'UNDEFINED')}`,
      );
  }
}

function nodeFromProto(proto: ProtoObject, source: string): OnnxNode {
  const attributes: Record<string, OnnxAttribute> = {};
  for (const attribute of list(proto.attribute)) {
    const name = (attribute.name as string | undefined) ?? '';
    if (Object.hasOwn(attributes, name)) {
      throw new OnnxFormatError(
        source,
        `node "${proto.name ?? ''}" (${proto.op_type}) repeats attribute "${name}"`,
      );
    }
    attributes[name] = attributeFromProto(attribute, source);
  }
  return {
    name: (proto.name as string | undefined) ?? '',
    opType: (proto.op_type as string | undefined) ?? '',
    domain: (proto.domain as string | undefined) ?? '',
    inputs: list<string>(proto.input),
    outputs: list<string>(proto.output),
    attributes,
  };
}

function graphFromProto(proto: ProtoObject, source: string): OnnxGraph {
  return {
    name: (proto.name as string | undefined) ?? '',
    nodes: list(proto.node).map((n) => nodeFromProto(n, source)),
    inputs: list(proto.input).map(valueInfoFromProto),
    outputs: list(proto.output).map(valueInfoFromProto),
    initializers: list(proto.initializer).map((t) => tensorFromProto(t, source)),
    valueInfo: list(proto.value_info).map(valueInfoFromProto),
  };
}

/**
 * Decodes an ONNX model (a serialized ModelProto) into plain objects: opsets, graph, nodes,
 * attributes and initializers. Corrupt or truncated bytes throw `OnnxFormatError`.
 *
 * @example
 * const model = readOnnxModel(readFileSync('model.onnx'));
 * console.log(model.graph.nodes.map((n) => n.opType)); // ['Conv', 'Relu', ...]
 */
export function readOnnxModel(bytes: Uint8Array | ArrayBuffer, options: OnnxReadOptions = {}): OnnxModel {
  const source = options.source ?? 'readOnnxModel';
  const proto = decode(source, 'ModelProto', toBytes(source, bytes));
  if (!proto.graph) throw new OnnxFormatError(source, 'the model has no graph');
  const metadata: Record<string, string> = {};
  for (const entry of list(proto.metadata_props))
    metadata[(entry.key as string) ?? ''] = (entry.value as string) ?? '';
  return {
    irVersion: int64(proto.ir_version),
    producerName: (proto.producer_name as string | undefined) ?? '',
    producerVersion: (proto.producer_version as string | undefined) ?? '',
    domain: (proto.domain as string | undefined) ?? '',
    modelVersion: int64(proto.model_version),
    docString: (proto.doc_string as string | undefined) ?? '',
    opsetImports: list(proto.opset_import).map((o) => ({
      domain: (o.domain as string | undefined) ?? '',
      version: int64(o.version),
    })),
    graph: graphFromProto(proto.graph as ProtoObject, source),
    metadata,
  };
}

/**
 * Decodes one serialized TensorProto (an ONNX test-data `.pb` file) into an `OnnxTensor`.
 *
 * @example
 * const t = readTensorProto(readFileSync('input_0.pb'));
 * console.log(t.dims, t.values); // [3, 4] Float32Array(12)
 */
export function readTensorProto(bytes: Uint8Array | ArrayBuffer, options: OnnxReadOptions = {}): OnnxTensor {
  const source = options.source ?? 'readTensorProto';
  return tensorFromProto(decode(source, 'TensorProto', toBytes(source, bytes)), source);
}
