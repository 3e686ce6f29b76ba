/** Element types a tensor can hold. `bool` is stored one byte per element. */
export type DType = 'float32' | 'float64' | 'int32' | 'bool';

/** A tensor shape: one non-negative length per axis. `[]` is a scalar. */
export type Shape = readonly number[];

/** The typed array that stores each dtype. */
export interface DTypeArrays {
  float32: Float32Array;
  float64: Float64Array;
  int32: Int32Array;
  bool: Uint8Array;
}

/** Any of the storage arrays. */
export type TypedArray = Float32Array | Float64Array | Int32Array | Uint8Array;

/** A nested array of numbers or booleans, as accepted by `tensor()`. */
export type NestedArray = number | boolean | readonly NestedArray[];

export const DTYPES: readonly DType[] = ['float32', 'float64', 'int32', 'bool'];

const ARRAY_CONSTRUCTORS = {
  float32: Float32Array,
  float64: Float64Array,
  int32: Int32Array,
  bool: Uint8Array,
} as const;

/** Allocates a zero-filled storage array for `dtype`. */
export function allocArray<D extends DType>(dtype: D, size: number): DTypeArrays[D] {
  return new ARRAY_CONSTRUCTORS[dtype](size) as DTypeArrays[D];
}

/** Bytes per element of `dtype`. */
export function bytesPerElement(dtype: DType): number {
  return ARRAY_CONSTRUCTORS[dtype].BYTES_PER_ELEMENT;
}

/** True for float32 and float64. */
export function isFloat(dtype: DType): boolean {
  return dtype === 'float32' || dtype === 'float64';
}

/** The float dtype an op computes in: float64 stays, everything else becomes float32. */
export function toFloat(dtype: DType): DType {
  return dtype === 'float64' ? 'float64' : 'float32';
}

const RANK: Record<DType, number> = { bool: 0, int32: 1, float32: 2, float64: 3 };

/**
 * The dtype two operands combine to, by the order bool < int32 < float32 < float64. As in PyTorch
 * (not NumPy), int32 with float32 stays float32.
 *
 * @example
 * promoteTypes('int32', 'float32'); // 'float32'
 */
export function promoteTypes(a: DType, b: DType): DType {
  return RANK[a] >= RANK[b] ? a : b;
}
