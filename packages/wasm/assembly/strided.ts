// Walks the outer axes of a broadcast elementwise op. The caller (JavaScript) has merged adjacent
// axes with the same broadcast pattern, so the innermost axis is one contiguous run per operand
// (stride 1) or a repeated single value (stride 0), handled by the vector run kernels.
import * as OP from '../src/kernels/opcodes';
import { binaryRun } from './binary';

/** Bytes per element of a dtype code. */
// @ts-ignore: decorator
@inline export function elementBytes(dtype: i32): usize {
  return dtype == OP.DTYPE_FLOAT64 ? 8 : dtype == OP.DTYPE_BOOL ? 1 : 4;
}

/**
 * Layout of `params` (int32): rank, shape[rank], stridesA[rank], stridesB[rank] (in elements; the
 * innermost stride is 0 or 1). Runs outer rows [begin, end) of the output.
 */
export function binaryStrided(begin: i32, end: i32, dtype: i32, op: i32, a: usize, b: usize, y: usize, params: usize): void {
  const rank = load<i32>(params);
  const shape = params + 4;
  const stridesA = shape + (<usize>rank << 2);
  const stridesB = stridesA + (<usize>rank << 2);
  const inner = load<i32>(shape + (<usize>(rank - 1) << 2));
  const innerA = load<i32>(stridesA + (<usize>(rank - 1) << 2));
  const innerB = load<i32>(stridesB + (<usize>(rank - 1) << 2));
  const mode = innerA ? (innerB ? OP.RUN_VECTOR_VECTOR : OP.RUN_VECTOR_SCALAR) : innerB ? OP.RUN_SCALAR_VECTOR : OP.RUN_SCALAR_SCALAR;
  const inBytes = elementBytes(dtype);
  const outBytes: usize = op >= OP.BINARY_EQ ? 1 : inBytes;
  for (let row = begin; row < end; row++) {
    // Decompose the outer row index into per-axis coordinates, innermost outer axis first.
    let rest = row;
    let offsetA = 0;
    let offsetB = 0;
    for (let axis = rank - 2; axis >= 0; axis--) {
      const length = load<i32>(shape + (<usize>axis << 2));
      const coordinate = rest % length;
      rest /= length;
      offsetA += coordinate * load<i32>(stridesA + (<usize>axis << 2));
      offsetB += coordinate * load<i32>(stridesB + (<usize>axis << 2));
    }
    binaryRun(
      dtype,
      op,
      mode,
      a + <usize>offsetA * inBytes,
      b + <usize>offsetB * inBytes,
      y + <usize>row * <usize>inner * outBytes,
      inner,
    );
  }
}

/** A same-shape or scalar-broadcast op (one run in `mode`) over flat outputs [begin, end). */
export function binaryFlat(begin: i32, end: i32, dtype: i32, op: i32, mode: i32, a: usize, b: usize, y: usize): void {
  const inBytes = elementBytes(dtype);
  const outBytes: usize = op >= OP.BINARY_EQ ? 1 : inBytes;
  const offsetA: usize = mode == OP.RUN_VECTOR_VECTOR || mode == OP.RUN_VECTOR_SCALAR ? <usize>begin : 0;
  const offsetB: usize = mode == OP.RUN_VECTOR_VECTOR || mode == OP.RUN_SCALAR_VECTOR ? <usize>begin : 0;
  binaryRun(dtype, op, mode, a + offsetA * inBytes, b + offsetB * inBytes, y + <usize>begin * outBytes, end - begin);
}
