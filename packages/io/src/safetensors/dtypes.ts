import type { DType } from '@nagare/tensor';

/** The safetensors dtypes nagare reads. F16/BF16 are read as float32; I64/U8 as int32. */
export type SafetensorsDType = 'F64' | 'F32' | 'F16' | 'BF16' | 'I64' | 'I32' | 'U8' | 'BOOL';

/** Every dtype name of the safetensors format, so a file with one nagare cannot read gets a clear message. */
export const KNOWN_SAFETENSORS_DTYPES: readonly string[] = [
  'BOOL',
  'F4',
  'F6_E2M3',
  'F6_E3M2',
  'U8',
  'I8',
  'F8_E5M2',
  'F8_E4M3',
  'F8_E8M0',
  'I16',
  'U16',
  'F16',
  'BF16',
  'I32',
  'U32',
  'F32',
  'C64',
  'F64',
  'I64',
  'U64',
];

interface DTypeInfo {
  bytes: number;
  /** The nagare dtype the values are loaded as. */
  nagare: DType;
  /** Reads element i (little-endian) as a number; I64 gives a bigint. */
  read: (view: DataView, offset: number) => number | bigint;
}

/** Converts IEEE 754 half-precision bits to a number. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 0x1f) return fraction ? Number.NaN : sign * Number.POSITIVE_INFINITY;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

const scratch = new DataView(new ArrayBuffer(4));

/** bfloat16 is the upper half of a float32. */
export function bfloat16ToNumber(bits: number): number {
  scratch.setUint32(0, bits << 16);
  return scratch.getFloat32(0);
}

export const DTYPE_INFO: Record<SafetensorsDType, DTypeInfo> = {
  F64: { bytes: 8, nagare: 'float64', read: (v, o) => v.getFloat64(o, true) },
  F32: { bytes: 4, nagare: 'float32', read: (v, o) => v.getFloat32(o, true) },
  F16: { bytes: 2, nagare: 'float32', read: (v, o) => halfToNumber(v.getUint16(o, true)) },
  BF16: { bytes: 2, nagare: 'float32', read: (v, o) => bfloat16ToNumber(v.getUint16(o, true)) },
  I64: { bytes: 8, nagare: 'int32', read: (v, o) => v.getBigInt64(o, true) },
  I32: { bytes: 4, nagare: 'int32', read: (v, o) => v.getInt32(o, true) },
  U8: { bytes: 1, nagare: 'int32', read: (v, o) => v.getUint8(o) },
  BOOL: { bytes: 1, nagare: 'bool', read: (v, o) => (v.getUint8(o) === 0 ? 0 : 1) },
};

/** True for the dtypes nagare reads. */
export function isReadableDType(name: string): name is SafetensorsDType {
  return Object.hasOwn(DTYPE_INFO, name);
}

/**
 * The order the reference writer lays tensors out in: larger dtypes first (so every tensor stays
 * aligned to its element size), then by name.
 */
export const WRITE_ORDER: Record<SafetensorsDType, number> = {
  I64: 0,
  F64: 1,
  F32: 2,
  I32: 3,
  BF16: 4,
  F16: 5,
  U8: 6,
  BOOL: 7,
};
