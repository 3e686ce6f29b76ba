/** Builds a safetensors file by hand: 8-byte little-endian length, the header text as given, the data bytes. */
export function buildFile(header: string, data: ArrayLike<number> = [], headerLength?: bigint): Uint8Array {
  const json = new TextEncoder().encode(header);
  const out = new Uint8Array(8 + json.length + data.length);
  new DataView(out.buffer).setBigUint64(0, headerLength ?? BigInt(json.length), true);
  out.set(json, 8);
  out.set(Array.from(data), 8 + json.length);
  return out;
}

/** Little-endian bytes of values written with a DataView setter. */
export function le(
  bytesPer: number,
  values: (number | bigint)[],
  set: (view: DataView, offset: number, v: never) => void,
): number[] {
  const out = new Uint8Array(values.length * bytesPer);
  const view = new DataView(out.buffer);
  for (const [i, v] of values.entries()) set(view, i * bytesPer, v as never);
  return [...out];
}
