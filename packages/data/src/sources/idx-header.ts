import { getMaxElements } from '@nagare/tensor';
import { DataFormatError } from '../errors/data-format-error';

/** How values of each IDX element type are stored (big-endian). */
export interface IdxElementType {
  bytes: number;
  read: (view: DataView, offset: number) => number;
  make: (n: number) => Uint8Array | Int8Array | Int16Array | Int32Array | Float32Array | Float64Array;
}

const ELEMENT_TYPES: Record<number, IdxElementType> = {
  8: { bytes: 1, read: (v, o) => v.getUint8(o), make: (n) => new Uint8Array(n) },
  9: { bytes: 1, read: (v, o) => v.getInt8(o), make: (n) => new Int8Array(n) },
  11: { bytes: 2, read: (v, o) => v.getInt16(o), make: (n) => new Int16Array(n) },
  12: { bytes: 4, read: (v, o) => v.getInt32(o), make: (n) => new Int32Array(n) },
  13: { bytes: 4, read: (v, o) => v.getFloat32(o), make: (n) => new Float32Array(n) },
  14: { bytes: 8, read: (v, o) => v.getFloat64(o), make: (n) => new Float64Array(n) },
};

/** An IDX header, checked: what follows it must be exactly `count` values of `type`. */
export interface IdxHeader {
  typeCode: number;
  type: IdxElementType;
  shape: number[];
  /** Bytes of the magic number and the dims. */
  headerBytes: number;
  count: number;
  /** The whole file's length: header plus values. */
  totalBytes: number;
}

/** Bytes needed before `readIdxHeader` can run: the magic number, or the full header once its rank is known. */
export function idxHeaderLength(bytes: Uint8Array): number {
  return bytes.length < 4 ? 4 : 4 + 4 * bytes[3];
}

/**
 * Reads and checks the header at the start of `bytes` (which may hold only the header). The
 * element count is multiplied out dim by dim and refused as soon as it passes the tensor size
 * limit (`getMaxElements()`), so 33 dims of 0xFFFFFFFF followed by a 0 cannot make it NaN.
 */
export function readIdxHeader(bytes: Uint8Array, file: string): IdxHeader {
  if (bytes.length < 4)
    throw new DataFormatError(file, `truncated: ${bytes.length} bytes, an IDX header needs at least 4`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeCode = bytes[2];
  const type = ELEMENT_TYPES[typeCode];
  if (bytes[0] !== 0 || bytes[1] !== 0 || !type) {
    throw new DataFormatError(
      file,
      `wrong magic number 0x${view.getUint32(0).toString(16).padStart(8, '0')} (expected 0x0000TTRR with a known element type TT)`,
    );
  }
  const rank = bytes[3];
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new DataFormatError(
      file,
      `truncated header: ${bytes.length} bytes, ${rank} dimensions need ${headerBytes}`,
    );
  }
  const shape = Array.from({ length: rank }, (_, i) => view.getUint32(4 + 4 * i));
  const limit = getMaxElements();
  let count = 1;
  for (const d of shape) {
    count *= d;
    if (count > limit) {
      throw new DataFormatError(
        file,
        `shape [${shape.join(', ')}] has more than ${limit} elements, the tensor size limit (setMaxElements)`,
      );
    }
  }
  return { typeCode, type, shape, headerBytes, count, totalBytes: headerBytes + count * type.bytes };
}

/** Throws unless `length` bytes are exactly what `header` describes. */
export function checkIdxLength(header: IdxHeader, length: number, file: string): void {
  const { shape, totalBytes } = header;
  if (length < totalBytes)
    throw new DataFormatError(
      file,
      `truncated: ${length} bytes, shape [${shape.join(', ')}] needs ${totalBytes}`,
    );
  if (length > totalBytes) {
    throw new DataFormatError(
      file,
      `count does not match: ${length - totalBytes} bytes beyond shape [${shape.join(', ')}]`,
    );
  }
}
