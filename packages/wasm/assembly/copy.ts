// Data movement for every dtype (element size 1, 4 or 8 bytes): strided copies (transpose,
// expand, slice), row copies (concat), padding, gather, scatterAdd and oneHot.
import * as OP from '../src/kernels/opcodes';
import { elementBytes } from './strided';

// @ts-ignore: decorator
@inline function copyRun<T>(x: usize, y: usize, n: i32, stride: i32): void {
  const size = sizeof<T>();
  if (stride == 1) {
    memory.copy(y, x, <usize>n * size);
  } else if (stride == 0) {
    const v = load<T>(x);
    for (let i = 0; i < n; i++) store<T>(y + <usize>i * size, v);
  } else {
    for (let i = 0; i < n; i++) store<T>(y + <usize>i * size, load<T>(x + <usize>(i * stride) * size));
  }
}

/**
 * y (contiguous) = x read with arbitrary element strides (negative and zero allowed).
 * `params` (int32): rank, offset (elements), shape[rank], strides[rank]. Runs outer rows [begin, end).
 */
export function stridedCopy(begin: i32, end: i32, bytes: i32, x: usize, y: usize, params: usize): void {
  const rank = load<i32>(params);
  const offset = load<i32>(params, 4);
  const shape = params + 8;
  const strides = shape + (<usize>rank << 2);
  const last = <usize>(rank - 1) << 2;
  const inner = load<i32>(shape + last);
  const innerStride = load<i32>(strides + last);
  const size = <usize>bytes;
  for (let row = begin; row < end; row++) {
    let rest = row;
    let source = offset;
    for (let axis = rank - 2; axis >= 0; axis--) {
      const at = <usize>axis << 2;
      const length = load<i32>(shape + at);
      source += (rest % length) * load<i32>(strides + at);
      rest /= length;
    }
    const from = x + <usize>source * size;
    const to = y + <usize>row * <usize>inner * size;
    if (bytes == 4) copyRun<u32>(from, to, inner, innerStride);
    else if (bytes == 8) copyRun<u64>(from, to, inner, innerStride);
    else copyRun<u8>(from, to, inner, innerStride);
  }
}

/** Copies `rowBytes` bytes per row from x (row pitch `sourcePitch`) to y (pitch `targetPitch`), rows [begin, end). */
export function copyRows(begin: i32, end: i32, x: usize, sourcePitch: i32, y: usize, targetPitch: i32, rowBytes: i32): void {
  for (let row = begin; row < end; row++) {
    memory.copy(y + <usize>row * <usize>targetPitch, x + <usize>row * <usize>sourcePitch, <usize>rowBytes);
  }
}

// @ts-ignore: decorator
@inline function storeValue(dtype: i32, p: usize, value: f64): void {
  if (dtype == OP.DTYPE_FLOAT32) store<f32>(p, <f32>value);
  else if (dtype == OP.DTYPE_FLOAT64) store<f64>(p, value);
  else if (dtype == OP.DTYPE_INT32) store<i32>(p, <i32>value);
  else store<u8>(p, <u8>value);
}

/**
 * Padding through per-axis source maps: output coordinate i on axis a reads input coordinate
 * map_a[i], or is the fill `value` where map_a[i] < 0. `params` (int32): rank, outShape[rank],
 * inStrides[rank], then the maps back to back. Runs outer rows [begin, end).
 */
export function padMapped(begin: i32, end: i32, dtype: i32, x: usize, y: usize, value: f64, params: usize): void {
  const rank = load<i32>(params);
  const shape = params + 4;
  const strides = shape + (<usize>rank << 2);
  const maps = strides + (<usize>rank << 2);
  const size = elementBytes(dtype);
  const inner = load<i32>(shape + (<usize>(rank - 1) << 2));
  // The innermost map starts after the maps of all outer axes.
  let innerMap = maps;
  for (let axis = 0; axis < rank - 1; axis++) innerMap += <usize>load<i32>(shape + (<usize>axis << 2)) << 2;
  const innerStride = load<i32>(strides + (<usize>(rank - 1) << 2));
  for (let row = begin; row < end; row++) {
    const target = y + <usize>row * <usize>inner * size;
    // Walk the outer axes from the innermost outward; each axis's map follows the previous ones.
    let rest = row;
    let source = 0;
    let isFill = false;
    let mapEnd = innerMap;
    for (let axis = rank - 2; axis >= 0; axis--) {
      const length = load<i32>(shape + (<usize>axis << 2));
      mapEnd -= <usize>length << 2;
      const coordinate = load<i32>(mapEnd + (<usize>(rest % length) << 2));
      rest /= length;
      if (coordinate < 0) isFill = true;
      source += coordinate * load<i32>(strides + (<usize>axis << 2));
    }
    for (let i = 0; i < inner; i++) {
      const coordinate = load<i32>(innerMap + (<usize>i << 2));
      const p = target + <usize>i * size;
      if (isFill || coordinate < 0) storeValue(dtype, p, value);
      else memory.copy(p, x + <usize>(source + coordinate * innerStride) * size, size);
    }
  }
}

/**
 * gather: y[o, j, :] = x[o, indices[j], :] over a [outer, length, inner] view of x; negative
 * indices wrap once, out-of-range ones give zeros. Runs outer blocks [begin, end).
 */
export function gatherRows(begin: i32, end: i32, bytes: i32, x: usize, indices: usize, y: usize, length: i32, count: i32, inner: i32): void {
  const rowBytes = <usize>inner * <usize>bytes;
  for (let o = begin; o < end; o++) {
    for (let j = 0; j < count; j++) {
      const raw = load<i32>(indices + (<usize>j << 2));
      const row = raw < 0 ? raw + length : raw;
      const target = y + (<usize>o * <usize>count + <usize>j) * rowBytes;
      if (row < 0 || row >= length) memory.fill(target, 0, rowBytes);
      else memory.copy(target, x + (<usize>o * <usize>length + <usize>row) * rowBytes, rowBytes);
    }
  }
}

// @ts-ignore: decorator
@inline function addRow<T>(target: usize, source: usize, inner: i32): void {
  for (let i = 0; i < inner; i++) {
    const offset = <usize>i * sizeof<T>();
    store<T>(target + offset, load<T>(target + offset) + load<T>(source + offset));
  }
}

/**
 * scatterAdd: y = x, then y[o, indices[j], :] += updates[o, j, :] in order of j (repeated indices
 * accumulate). Out-of-range indices are skipped. Runs outer blocks [begin, end).
 */
export function scatterAddRows(begin: i32, end: i32, dtype: i32, x: usize, indices: usize, updates: usize, y: usize, length: i32, count: i32, inner: i32): void {
  const size = elementBytes(dtype);
  const rowBytes = <usize>inner * size;
  for (let o = begin; o < end; o++) {
    const block = <usize>o * <usize>length * rowBytes;
    memory.copy(y + block, x + block, <usize>length * rowBytes);
    for (let j = 0; j < count; j++) {
      const raw = load<i32>(indices + (<usize>j << 2));
      const row = raw < 0 ? raw + length : raw;
      if (row < 0 || row >= length) continue;
      const target = y + block + <usize>row * rowBytes;
      const source = updates + (<usize>o * <usize>count + <usize>j) * rowBytes;
      if (dtype == OP.DTYPE_FLOAT32) addRow<f32>(target, source, inner);
      else if (dtype == OP.DTYPE_FLOAT64) addRow<f64>(target, source, inner);
      else addRow<i32>(target, source, inner);
    }
  }
}

/** oneHot: float32 rows of `depth`, 1 at each (wrapped) index, zero rows for out-of-range ones. */
export function oneHotRows(begin: i32, end: i32, indices: usize, y: usize, depth: i32): void {
  const rowBytes = <usize>depth << 2;
  for (let i = begin; i < end; i++) {
    const row = y + <usize>i * rowBytes;
    memory.fill(row, 0, rowBytes);
    const raw = load<i32>(indices + (<usize>i << 2));
    const k = raw < 0 ? raw + depth : raw;
    if (k >= 0 && k < depth) store<f32>(row + (<usize>k << 2), 1.0);
  }
}
