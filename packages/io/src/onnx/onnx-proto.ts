import * as protobufModule from 'protobufjs/light.js';
import { ONNX_SCHEMA } from './onnx-schema';

// protobufjs is CommonJS: under Node's ESM loader its API is the default export, under bundlers
// and CJS it is the namespace itself.
const protobuf = ((protobufModule as unknown as { default?: typeof protobufModule }).default ??
  protobufModule) as typeof protobufModule;

const root = protobuf.Root.fromJSON(ONNX_SCHEMA);

/** protobufjs message types of onnx.proto, built once from the embedded schema. */
export const onnxProto = {
  ModelProto: root.lookupType('onnx.ModelProto'),
  GraphProto: root.lookupType('onnx.GraphProto'),
  NodeProto: root.lookupType('onnx.NodeProto'),
  AttributeProto: root.lookupType('onnx.AttributeProto'),
  TensorProto: root.lookupType('onnx.TensorProto'),
  ValueInfoProto: root.lookupType('onnx.ValueInfoProto'),
};

/** The plain-object form protobufjs decodes into: int64 as decimal strings, bytes as Uint8Array. */
export type ProtoObject = Record<string, unknown>;

const TO_OBJECT = {
  longs: String,
  enums: Number,
  bytes: Uint8Array,
  arrays: true,
  defaults: false,
  oneofs: true,
} as const;

/** Decodes `bytes` as `type` into a plain object; throws protobufjs' own error on bad input. */
export function decodeProto(type: protobufModule.Type, bytes: Uint8Array): ProtoObject {
  const message = type.decode(bytes);
  return type.toObject(message, TO_OBJECT as unknown as protobufModule.IConversionOptions);
}

/** Encodes a plain object (int64 as bigint, number or string) as `type`. */
export function encodeProto(type: protobufModule.Type, object: ProtoObject): Uint8Array {
  return type.encode(type.fromObject(object)).finish();
}
