/** Writes an IDX file: magic 00 00 type rank, big-endian dims, big-endian values. */
export function writeIdx(type: number, shape: number[], values: number[]): Uint8Array {
  const size = { 8: 1, 9: 1, 11: 2, 12: 4, 13: 4, 14: 8 }[type]!;
  const bytes = new Uint8Array(4 + 4 * shape.length + values.length * size);
  const view = new DataView(bytes.buffer);
  bytes[2] = type;
  bytes[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d);
  });
  const start = 4 + 4 * shape.length;
  values.forEach((v, i) => {
    const o = start + i * size;
    if (type === 0x08) view.setUint8(o, v);
    else if (type === 0x09) view.setInt8(o, v);
    else if (type === 0x0b) view.setInt16(o, v);
    else if (type === 0x0c) view.setInt32(o, v);
    else if (type === 0x0d) view.setFloat32(o, v);
    else view.setFloat64(o, v);
  });
  return bytes;
}
