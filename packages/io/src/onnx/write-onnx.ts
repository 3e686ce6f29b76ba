import { OnnxFormatError } from '../errors/onnx-format-error';
import { encodeProto, onnxProto, type ProtoObject } from './onnx-proto';
import type { OnnxAttribute, OnnxGraph, OnnxModel, OnnxNode, OnnxTensor, OnnxValueInfo } from './onnx-types';
import { tensorToProto } from './tensor-proto';

const SOURCE = 'writeOnnxModel';
const utf8 = new TextEncoder();

// AttributeType codes from onnx.proto.
function attributeToProto(name: string, attribute: OnnxAttribute): ProtoObject {
  switch (attribute.type) {
    case 'float':
      return { name, type: 1, f: attribute.value };
    case 'int':
      return { name, type: 2, i: String(attribute.value) };
    case 'string':
      return { name, type: 3, s: utf8.encode(attribute.value) };
    case 'tensor':
      return { name, type: 4, t: tensorToProto(attribute.value, SOURCE) };
    case 'graph':
      return { name, type: 5, g: graphToProto(attribute.value) };
    case 'floats':
      return { name, type: 6, floats: attribute.value };
    case 'ints':
      return { name, type: 7, ints: attribute.value.map(String) };
    case 'strings':
      return { name, type: 8, strings: attribute.value.map((s) => utf8.encode(s)) };
    case 'tensors':
      return { name, type: 9, tensors: attribute.value.map((t) => tensorToProto(t, SOURCE)) };
    case 'graphs':
      return { name, type: 10, graphs: attribute.value.map(graphToProto) };
    default:
      throw new OnnxFormatError(SOURCE, `attribute "${name}" has an unknown type`);
  }
}

function valueInfoToProto(info: OnnxValueInfo): ProtoObject {
  if (info.kind !== 'tensor') return { name: info.name };
  const tensorType: ProtoObject = { elem_type: info.elemType ?? 0 };
  if (info.shape) {
    tensorType.shape = {
      dim: info.shape.map((d) =>
        typeof d === 'number' ? { dim_value: String(d) } : d === null ? {} : { dim_param: d },
      ),
    };
  }
  return { name: info.name, type: { tensor_type: tensorType } };
}

function nodeToProto(node: OnnxNode): ProtoObject {
  return {
    name: node.name,
    op_type: node.opType,
    domain: node.domain,
    input: node.inputs,
    output: node.outputs,
    attribute: Object.entries(node.attributes).map(([name, attribute]) => attributeToProto(name, attribute)),
  };
}

function graphToProto(graph: OnnxGraph): ProtoObject {
  return {
    name: graph.name,
    node: graph.nodes.map(nodeToProto),
    input: graph.inputs.map(valueInfoToProto),
    output: graph.outputs.map(valueInfoToProto),
    initializer: graph.initializers.map((t) => tensorToProto(t, SOURCE)),
    value_info: graph.valueInfo.map(valueInfoToProto),
  };
}

/**
 * Encodes a model as ONNX protobuf bytes (a ModelProto), tensors as little-endian raw_data.
 * `readOnnxModel(writeOnnxModel(m))` gives back `m`.
 *
 * @example
 * writeFileSync('model.onnx', writeOnnxModel(model));
 */
export function writeOnnxModel(model: OnnxModel): Uint8Array {
  return encodeProto(onnxProto.ModelProto, {
    ir_version: String(model.irVersion),
    producer_name: model.producerName,
    producer_version: model.producerVersion,
    domain: model.domain,
    model_version: String(model.modelVersion),
    doc_string: model.docString,
    opset_import: model.opsetImports.map((o) => ({ domain: o.domain, version: String(o.version) })),
    graph: graphToProto(model.graph),
    metadata_props: Object.entries(model.metadata).map(([key, value]) => ({ key, value })),
  });
}

/**
 * Encodes one tensor as a serialized TensorProto (values in little-endian raw_data).
 *
 * @example
 * writeFileSync('input_0.pb', writeTensorProto({ name: 'x', dataType: OnnxDataType.FLOAT, dims: [2], values: new Float32Array([1, 2]) }));
 */
export function writeTensorProto(tensor: OnnxTensor): Uint8Array {
  return encodeProto(onnxProto.TensorProto, tensorToProto(tensor, 'writeTensorProto'));
}
