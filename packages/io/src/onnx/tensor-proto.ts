import { OnnxFormatError } from '../errors/onnx-format-error';
import type { ProtoObject } from './onnx-proto';
import {
  OnnxDataType,
  type OnnxDataTypeCode,
  type OnnxTensor,
  type OnnxTensorValues,
  onnxDataTypeName,
} from './onnx-types';

/** How each supported element type is stored: bytes per element in raw_data, and its typed field. */
const LAYOUTS: Record<number, { bytes: number; field: string; make: (n: number) => OnnxTensorValues }> = {
  [OnnxDataType.FLOAT]: { bytes: 4, field: 'float_data', make: (n) => new Float32Array(n) },
  [OnnxDataType.DOUBLE]: { bytes: 8, field: 'double_data', make: (n) => new Float64Array(n) },
  [OnnxDataType.INT32]: { bytes: 4, field: 'int32_data', make: (n) => new Int32Array(n) },
  [OnnxDataType.INT64]: { bytes: 8, field: 'int64_data', make: (n) => new BigInt64Array(n) },
  // onnx.proto stores UINT8 and BOOL values one per int32_data entry, but one byte each in raw_data.
  [OnnxDataType.UINT8]: { bytes: 1, field: 'int32_data', make: (n) => new Uint8Array(n) },
  [OnnxDataType.BOOL]: { bytes: 1, field: 'int32_data', make: (n) => new Uint8Array(n) },
};

/** The ONNX element types nagare reads and writes. */
export const SUPPORTED_ONNX_TYPES: readonly OnnxDataTypeCode[] = Object.keys(LAYOUTS).map(Number);

// Larger tensors than this cannot be held in one JS typed array anyway; rejecting them early keeps
// hostile dims (e.g. 2^62) from turning into huge allocations.
const MAX_ELEMENTS = 2 ** 31 - 1;

function checkedDims(source: string, name: string, dims: unknown[]): number[] {
  return dims.map((d) => {
    const value = BigInt(d as string);
    if (value < 0n || value > BigInt(MAX_ELEMENTS)) {
      throw new OnnxFormatError(
        source,
        `tensor "${name}" has an invalid dimension ${value} (dims [${dims.join(', ')}])`,
      );
    }
    return Number(value);
  });
}

function readRaw(values: OnnxTensorValues, dataType: number, raw: Uint8Array): void {
  const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
  const n = values.length;
  // DataView reads little-endian explicitly, so this is right on any host and needs no alignment.
  if (dataType === OnnxDataType.FLOAT) for (let i = 0; i < n; i++) values[i] = view.getFloat32(i * 4, true);
  else if (dataType === OnnxDataType.DOUBLE)
    for (let i = 0; i < n; i++) values[i] = view.getFloat64(i * 8, true);
  else if (dataType === OnnxDataType.INT32)
    for (let i = 0; i < n; i++) values[i] = view.getInt32(i * 4, true);
  else if (dataType === OnnxDataType.INT64) {
    const out = values as BigInt64Array;
    for (let i = 0; i < n; i++) out[i] = view.getBigInt64(i * 8, true);
  } else (values as Uint8Array).set(raw.subarray(0, n));
}

function readTyped(
  source: string,
  name: string,
  values: OnnxTensorValues,
  dataType: number,
  list: unknown[],
): void {
  if (dataType === OnnxDataType.INT64) {
    const out = values as BigInt64Array;
    for (let i = 0; i < list.length; i++) out[i] = BigInt(list[i] as string);
    return;
  }
  const isByte = dataType === OnnxDataType.UINT8 || dataType === OnnxDataType.BOOL;
  for (let i = 0; i < list.length; i++) {
    const v = list[i] as number;
    if (isByte && (v < 0 || v > 255)) {
      throw new OnnxFormatError(
        source,
        `tensor "${name}" of type ${onnxDataTypeName(dataType)} holds ${v} at index ${i}`,
      );
    }
    values[i] = v;
  }
}

/** Converts a decoded TensorProto into an OnnxTensor, validating dims and data length. */
export function tensorFromProto(proto: ProtoObject, source: string): OnnxTensor {
  const name = (proto.name as string | undefined) ?? '';
  const dataType = (proto.data_type as number | undefined) ?? OnnxDataType.UNDEFINED;
  const layout = LAYOUTS[dataType];
  if (!layout) {
    throw new OnnxFormatError(
      source,
      `tensor "${name}" has unsupported element type ${onnxDataTypeName(dataType)}`,
    );
  }
  if (proto.data_location === 1 || (proto.external_data as unknown[] | undefined)?.length) {
    throw new OnnxFormatError(
      source,
      `tensor "${name}" keeps its data in an external file, which is not supported`,
    );
  }
  if (proto.segment)
    throw new OnnxFormatError(
      source,
      `tensor "${name}" is a segment of a larger tensor, which is not supported`,
    );
  const dims = checkedDims(source, name, (proto.dims as unknown[] | undefined) ?? []);
  const size = dims.reduce((p, d) => p * d, 1);
  if (size > MAX_ELEMENTS)
    throw new OnnxFormatError(source, `tensor "${name}" has too many elements (dims [${dims.join(', ')}])`);
  const raw = proto.raw_data as Uint8Array | undefined;
  const list = (proto[layout.field] as unknown[] | undefined) ?? [];
  const isRaw = raw !== undefined && raw.length > 0;
  // The data must already be in the file, so checking its length before allocating bounds the
  // array by the file's size, whatever the dims claim.
  if (isRaw && raw.length !== size * layout.bytes) {
    throw new OnnxFormatError(
      source,
      `tensor "${name}" has ${raw.length} bytes of raw_data, expected ${size * layout.bytes} for ${onnxDataTypeName(dataType)} [${dims.join(', ')}]`,
    );
  }
  if (!isRaw && list.length !== size) {
    throw new OnnxFormatError(
      source,
      `tensor "${name}" has ${list.length} values in ${layout.field}, expected ${size} for [${dims.join(', ')}]`,
    );
  }
  const values = layout.make(size);
  if (isRaw) readRaw(values, dataType, raw);
  else readTyped(source, name, values, dataType, list);
  return { name, dataType, dims, values };
}

/** Converts an OnnxTensor into the plain TensorProto object to encode (values as little-endian raw_data). */
export function tensorToProto(tensor: OnnxTensor, source: string): ProtoObject {
  const layout = LAYOUTS[tensor.dataType];
  if (!layout) {
    throw new OnnxFormatError(
      source,
      `tensor "${tensor.name}" has unsupported element type ${onnxDataTypeName(tensor.dataType)}`,
    );
  }
  if (tensor.values.constructor !== layout.make(0).constructor) {
    throw new OnnxFormatError(
      source,
      `tensor "${tensor.name}" of type ${onnxDataTypeName(tensor.dataType)} must hold a ${layout.make(0).constructor.name}, got ${tensor.values.constructor.name}`,
    );
  }
  const size = tensor.dims.reduce((p, d) => p * d, 1);
  if (tensor.values.length !== size) {
    throw new OnnxFormatError(
      source,
      `tensor "${tensor.name}" has ${tensor.values.length} values for dims [${tensor.dims.join(', ')}]`,
    );
  }
  const raw = new Uint8Array(size * layout.bytes);
  const view = new DataView(raw.buffer);
  const { values } = tensor;
  for (let i = 0; i < size; i++) {
    if (values instanceof Float32Array) view.setFloat32(i * 4, values[i], true);
    else if (values instanceof Float64Array) view.setFloat64(i * 8, values[i], true);
    else if (values instanceof Int32Array) view.setInt32(i * 4, values[i], true);
    else if (values instanceof BigInt64Array) view.setBigInt64(i * 8, values[i], true);
    else raw[i] = values[i];
  }
  return { name: tensor.name, data_type: tensor.dataType, dims: tensor.dims.map(String), raw_data: raw };
}
