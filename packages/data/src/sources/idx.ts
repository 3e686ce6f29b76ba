import { gunzipBounded } from './gunzip';
import { checkIdxLength, idxHeaderLength, readIdxHeader } from './idx-header';

/** A decoded IDX array: its dimensions and values (typed by the file's element type). */
export interface IdxArray {
  readonly shape: number[];
  readonly values: Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

/** True when `bytes` start with the gzip magic number 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
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
  const header = readIdxHeader(bytes, file);
  checkIdxLength(header, bytes.length, file);
  const { type, shape, headerBytes, count, totalBytes } = header;
  if (header.typeCode === 0x08) return { shape, values: bytes.subarray(headerBytes, totalBytes) };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = type.make(count);
  for (let i = 0; i < count; i++) values[i] = type.read(view, headerBytes + i * type.bytes);
  return { shape, values };
}

/**
 * Decompresses a gzip-compressed IDX file as a stream: the header is read from the first bytes,
 * then exactly the size it describes is decompressed into one buffer. More output (trailing
 * garbage, a gzip bomb) or less is refused as soon as it shows.
 */
function gunzipIdx(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  return gunzipBounded(bytes, file, Number.MAX_SAFE_INTEGER, (head) => {
    const needed = idxHeaderLength(head);
    if (head.length < needed) return { needMore: needed };
    return { total: readIdxHeader(head, file).totalBytes };
  });
}

/** Parses IDX bytes that may be gzip-compressed. */
export async function readIdx(bytes: Uint8Array, file = 'IDX data'): Promise<IdxArray> {
  // Decompressed bytes are a fresh array nobody else holds: no need to copy out of them.
  return isGzip(bytes) ? parseIdxInPlace(await gunzipIdx(bytes, file), file) : parseIdx(bytes, file);
}

/** `readIdx` for bytes the caller owns and will not reuse: byte values may be a view into them. */
export async function readOwnedIdx(bytes: Uint8Array, file = 'IDX data'): Promise<IdxArray> {
  return parseIdxInPlace(isGzip(bytes) ? await gunzipIdx(bytes, file) : bytes, file);
}
