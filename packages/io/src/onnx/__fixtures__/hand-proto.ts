// A minimal protobuf writer for tests, independent of protobufjs, so the tests check the embedded
// schema's field numbers and wire types against bytes built by hand from onnx.proto.

/** Varint bytes of a non-negative integer (or a negative int64, as 10 bytes). */
export function varint(value: number | bigint): number[] {
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
}

const tag = (field: number, wire: number) => varint((field << 3) | wire);

/** A varint field (wire type 0). */
export const int = (field: number, value: number | bigint): number[] => [...tag(field, 0), ...varint(value)];

/** A length-delimited field (wire type 2): bytes, a string or an embedded message. */
export function bytes(field: number, content: number[] | string): number[] {
  const data = typeof content === 'string' ? [...new TextEncoder().encode(content)] : content;
  return [...tag(field, 2), ...varint(data.length), ...data];
}

/** A float32 field (wire type 5). */
export function float32(field: number, value: number): number[] {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setFloat32(0, value, true);
  return [...tag(field, 5), ...b];
}

/** Little-endian bytes of float32 values. */
export function f32le(values: number[]): number[] {
  const b = new Uint8Array(values.length * 4);
  const view = new DataView(b.buffer);
  values.forEach((v, i) => {
    view.setFloat32(i * 4, v, true);
  });
  return [...b];
}

/** Little-endian bytes of int64 values. */
export function i64le(values: (number | bigint)[]): number[] {
  const b = new Uint8Array(values.length * 8);
  const view = new DataView(b.buffer);
  values.forEach((v, i) => {
    view.setBigInt64(i * 8, BigInt(v), true);
  });
  return [...b];
}

// Field numbers from onnx.proto.
/** A TensorProto: dims (1, unpacked int64), data_type (2), name (8), raw_data (9). */
export function tensorProto(name: string, dataType: number, dims: number[], raw: number[]): number[] {
  return [...dims.flatMap((d) => int(1, d)), ...int(2, dataType), ...bytes(8, name), ...bytes(9, raw)];
}

/** A ValueInfoProto of a tensor: name (1), type (2) → tensor_type (1) → elem_type (1), shape (2) → dim (1) → dim_value (1). */
export function tensorValueInfo(name: string, elemType: number, dims: number[]): number[] {
  const shape = dims.flatMap((d) => bytes(1, int(1, d)));
  return [...bytes(1, name), ...bytes(2, bytes(1, [...int(1, elemType), ...bytes(2, shape)]))];
}
