// A tiny protobuf reader for the ONNX conformance cases of the training operators: just enough of
// ModelProto (the node's attributes) and TensorProto (dims, data_type, raw_data). Test-only.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DType, type Tensor, tensor } from '@nagare/tensor';

// The shared conformance data sits beside the repository (DESIGN.md, External oracles).
export const ONNX_NODE_DIR = fileURLToPath(
  new URL('../../../../../shared/conformance/onnx-node', import.meta.url),
);

type Field = { wire: number; value: bigint | Uint8Array };

function parseMessage(bytes: Uint8Array): Map<number, Field[]> {
  const fields = new Map<number, Field[]>();
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    let shift = 0n;
    for (;;) {
      const byte = bytes[pos++];
      result |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return result;
      shift += 7n;
    }
  };
  while (pos < bytes.length) {
    const key = Number(varint());
    const [field, wire] = [key >> 3, key & 7];
    let value: bigint | Uint8Array;
    if (wire === 0) value = varint();
    else if (wire === 1 || wire === 5) {
      value = bytes.subarray(pos, pos + (wire === 1 ? 8 : 4));
      pos += wire === 1 ? 8 : 4;
    } else if (wire === 2) {
      const length = Number(varint());
      value = bytes.subarray(pos, pos + length);
      pos += length;
    } else throw new Error(`unsupported wire type ${wire}`);
    fields.set(field, [...(fields.get(field) ?? []), { wire, value }]);
  }
  return fields;
}

function packedVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let current = 0n;
  let shift = 0n;
  for (const byte of bytes) {
    current |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if (byte < 0x80) {
      values.push(Number(BigInt.asIntN(64, current)));
      current = 0n;
      shift = 0n;
    }
  }
  return values;
}

const text = (field: Field | undefined): string =>
  field ? new TextDecoder().decode(field.value as Uint8Array) : '';

/** An ONNX node attribute value: a float (f), int (i) or string (s). */
export type AttributeValue = number | string;

/** Reads the single node's op type and attributes from model.onnx. */
export function readNode(caseName: string): { opType: string; attributes: Record<string, AttributeValue> } {
  const model = parseMessage(new Uint8Array(readFileSync(join(ONNX_NODE_DIR, caseName, 'model.onnx'))));
  const graph = parseMessage(model.get(7)?.[0].value as Uint8Array);
  const node = parseMessage(graph.get(1)?.[0].value as Uint8Array);
  const attributes: Record<string, AttributeValue> = {};
  for (const { value } of node.get(5) ?? []) {
    const attribute = parseMessage(value as Uint8Array);
    const name = text(attribute.get(1)?.[0]);
    const f = attribute.get(2)?.[0];
    const i = attribute.get(3)?.[0];
    const s = attribute.get(4)?.[0];
    if (f) attributes[name] = new DataView((f.value as Uint8Array).slice().buffer).getFloat32(0, true);
    else if (i) attributes[name] = Number(BigInt.asIntN(64, i.value as bigint));
    else if (s) attributes[name] = text(s);
  }
  return { opType: text(node.get(4)?.[0]), attributes };
}

/** One TensorProto: its shape, ONNX data type and values as numbers. */
export interface ProtoTensor {
  dims: number[];
  dataType: number;
  values: number[];
}

/** Reads a TensorProto file (raw_data, little-endian: FLOAT=1, INT64=7, DOUBLE=11). */
export function readTensorFile(path: string): ProtoTensor {
  const fields = parseMessage(new Uint8Array(readFileSync(path)));
  const dims: number[] = [];
  for (const { wire, value } of fields.get(1) ?? []) {
    if (wire === 0) dims.push(Number(value));
    else dims.push(...packedVarints(value as Uint8Array));
  }
  const dataType = Number(fields.get(2)?.[0].value ?? 0n);
  const raw = (fields.get(9)?.[0].value as Uint8Array | undefined) ?? new Uint8Array();
  const view = new DataView(raw.slice().buffer);
  const width = dataType === 1 ? 4 : 8;
  const values = Array.from({ length: raw.length / width }, (_, k) => {
    if (dataType === 1) return view.getFloat32(k * width, true);
    if (dataType === 7) return Number(view.getBigInt64(k * width, true));
    if (dataType === 11) return view.getFloat64(k * width, true);
    throw new Error(`unsupported data type ${dataType} in ${path}`);
  });
  return { dims, dataType, values };
}

/** The inputs and expected outputs of a case, in graph order. */
export function readCase(caseName: string): { inputs: ProtoTensor[]; outputs: ProtoTensor[] } {
  const dir = join(ONNX_NODE_DIR, caseName, 'test_data_set_0');
  const files = readdirSync(dir).sort((a, b) => Number(a.match(/\d+/)?.[0]) - Number(b.match(/\d+/)?.[0]));
  const load = (prefix: string) =>
    files.filter((file) => file.startsWith(prefix)).map((file) => readTensorFile(join(dir, file)));
  return { inputs: load('input_'), outputs: load('output_') };
}

/** A nagare tensor holding a TensorProto's values. */
export function toTensor(proto: ProtoTensor): Tensor {
  const dtype: DType = proto.dataType === 11 ? 'float64' : 'float32';
  return tensor(proto.values, { dtype }).reshape(proto.dims);
}
