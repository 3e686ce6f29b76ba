import { DataFormatError } from '../errors/data-format-error';

/** A decoded IDX array: its dimensions and values (typed by the file's element type). */
export interface IdxArray {
  readonly shape: number[];
  readonly values: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const ELEMENT_TYPES: Record<
  number,
  { bytes: number; read: (view: DataView, offset: number) => number; make: (n: number) => IdxArray['values'] }
> = {
  8: { bytes: 1, read: (v, o) => v.getUint8(o), make: (n) => new Uint8Array(n) },
  9: { bytes: 1, read: (v, o) => v.getInt8(o), make: (n) => new Int8Array(n) },
  11: { bytes: 2, read: (v, o) => v.getInt16(o), make: (n) => new Int16Array(n) },
  12: { bytes: 4, read: (v, o) => v.getInt32(o), make: (n) => new Int32Array(n) },
  13: { bytes: 4, read: (v, o) => v.getFloat32(o), make: (n) => new Float32Array(n) },
  14: { bytes: 8, read: (v, o) => v.getFloat64(o), make: (n) => new Float64Array(n) },
};

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip data with the platform's DecompressionStream (Node ≥ 18 and browsers). */
export async function gunzip(bytes: Uint8Array, file = 'data'): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (error) {
    throw new DataFormatError(file, `corrupt gzip data (${(error as Error).message})`);
  }
}

/**
 * Parses an (uncompressed) IDX file: magic 00 00 <type> <rank>, big-endian uint32 dimensions, then
 * the values big-endian. `file` names the source in errors.
 *
 * @example
 * const { shape, values } = parseIdx(bytes, 'train-images-idx3-ubyte'); // shape [60000, 28, 28]
 */
export function parseIdx(bytes: Uint8Array, file = 'IDX data'): IdxArray {
  const parsed = parseIdxInPlace(bytes, file);
  return parsed.values.buffer === bytes.buffer
    ? { shape: parsed.shape, values: parsed.values.slice() }
    : parsed;
}

/**
 * `parseIdx` without copying byte (type 0x08) values: they are a view into `bytes`. For callers that
 * own `bytes`, so a 47 MB image file is not held twice while it loads.
 */
export function parseIdxInPlace(bytes: Uint8Array, file = 'IDX data'): IdxArray {
  if (bytes.length < 4)
    throw new DataFormatError(file, `truncated: ${bytes.length} bytes, an IDX header needs at least 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  const type = ELEMENT_TYPES[bytes[2]];
  if (bytes[0] !== 0 || bytes[1] !== 0 || !type) {
    throw new DataFormatError(
      file,
      `wrong magic number 0x${magic.toString(16).padStart(8, '0')} (expected 0x0000TTRR with a known element type TT)`,
    );
  }
  const rank = bytes[3];
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes)
    throw new DataFormatError(
      file,
      `truncated header: ${bytes.length} bytes, ${rank} dimensions need ${headerBytes}`,
    );
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const count = shape.reduce((p, d) => p * d, 1);
  const expected = headerBytes + count * type.bytes;
  if (bytes.length < expected) {
    throw new DataFormatError(
      file,
      `truncated: ${bytes.length} bytes, shape [${shape.join(', ')}] needs ${expected}`,
    );
  }
  if (bytes.length > expected) {
    throw new DataFormatError(
      file,
      `count does not match: ${bytes.length - expected} bytes beyond shape [${shape.join(', ')}]`,
    );
  }
  if (bytes[2] === 0x08) return { shape, values: bytes.subarray(headerBytes, expected) };
  const values = type.make(count);
  for (let i = 0; i < count; i++) values[i] = type.read(view, headerBytes + i * type.bytes);
  return { shape, values };
}

/** Parses IDX bytes that may be gzip-compressed. */
export async function readIdx(bytes: Uint8Array, file = 'IDX data'): Promise<IdxArray> {
  // Decompressed bytes are a fresh array nobody else holds: no need to copy out of them.
  return isGzip(bytes) ? parseIdxInPlace(await gunzip(bytes, file), file) : parseIdx(bytes, file);
}

/** `readIdx` for bytes the caller owns and will not reuse: byte values may be a view into them. */
export async function readOwnedIdx(bytes: Uint8Array, file = 'IDX data'): Promise<IdxArray> {
  return parseIdxInPlace(isGzip(bytes) ? await gunzip(bytes, file) : bytes, file);
}
