// dtype conversion, clip and where: elementwise kernels whose operands differ in type.
import * as OP from '../src/kernels/opcodes';
import { toInt32 } from './binary';
import { elementBytes } from './strided';

// @ts-ignore: decorator
@inline function read(dtype: i32, p: usize, i: i32): f64 {
  switch (dtype) {
    case OP.DTYPE_FLOAT32: return <f64>load<f32>(p + (<usize>i << 2));
    case OP.DTYPE_FLOAT64: return load<f64>(p + (<usize>i << 3));
    case OP.DTYPE_INT32: return <f64>load<i32>(p + (<usize>i << 2));
    default: return <f64>load<u8>(p + <usize>i);
  }
}

// @ts-ignore: decorator
@inline function convertRange(from: i32, to: i32, x: usize, y: usize, begin: i32, end: i32): void {
  for (let i = begin; i < end; i++) {
    const v = read(from, x, i);
    switch (to) {
      case OP.DTYPE_FLOAT32: store<f32>(y + (<usize>i << 2), <f32>v); break;
      case OP.DTYPE_FLOAT64: store<f64>(y + (<usize>i << 3), v); break;
      // Floats truncate toward zero and wrap modulo 2^32; NaN and ±Inf become 0 (the js semantics).
      case OP.DTYPE_INT32: store<i32>(y + (<usize>i << 2), toInt32(v)); break;
      default: store<u8>(y + <usize>i, <u8>(v != 0));
    }
  }
}

/** y[i] = x[i] converted from dtype `from` to dtype `to`, i in [begin, end). */
export function cast(begin: i32, end: i32, from: i32, to: i32, x: usize, y: usize): void {
  if (from == to) {
    const bytes = elementBytes(from);
    memory.copy(y + <usize>begin * bytes, x + <usize>begin * bytes, <usize>(end - begin) * bytes);
    return;
  }
  // Spell out the common pairs so each gets its own tight loop.
  if (from == OP.DTYPE_INT32 && to == OP.DTYPE_FLOAT32) convertRange(OP.DTYPE_INT32, OP.DTYPE_FLOAT32, x, y, begin, end);
  else if (from == OP.DTYPE_FLOAT32 && to == OP.DTYPE_INT32) convertRange(OP.DTYPE_FLOAT32, OP.DTYPE_INT32, x, y, begin, end);
  else if (from == OP.DTYPE_BOOL && to == OP.DTYPE_FLOAT32) convertRange(OP.DTYPE_BOOL, OP.DTYPE_FLOAT32, x, y, begin, end);
  else if (from == OP.DTYPE_FLOAT32 && to == OP.DTYPE_BOOL) convertRange(OP.DTYPE_FLOAT32, OP.DTYPE_BOOL, x, y, begin, end);
  else if (from == OP.DTYPE_FLOAT32 && to == OP.DTYPE_FLOAT64) convertRange(OP.DTYPE_FLOAT32, OP.DTYPE_FLOAT64, x, y, begin, end);
  else if (from == OP.DTYPE_FLOAT64 && to == OP.DTYPE_FLOAT32) convertRange(OP.DTYPE_FLOAT64, OP.DTYPE_FLOAT32, x, y, begin, end);
  else convertRange(from, to, x, y, begin, end);
}

/** Clamps into [min, max] (NaN passes through); integers clamp in float64 and convert back. */
export function clip(begin: i32, end: i32, dtype: i32, x: usize, y: usize, min: f64, max: f64): void {
  if (dtype == OP.DTYPE_FLOAT32) {
    const lo = f32x4.splat(<f32>min);
    const hi = f32x4.splat(<f32>max);
    let i = begin;
    // pmax then pmin is `v = x < min ? min : x; v > max ? max : v`: NaN passes through and
    // min > max gives max everywhere, as the js reference.
    for (; i + 4 <= end; i += 4) {
      const p = <usize>i << 2;
      v128.store(y + p, f32x4.pmin(f32x4.pmax(v128.load(x + p), lo), hi));
    }
    for (; i < end; i++) {
      const v = load<f32>(x + (<usize>i << 2));
      const low = v < <f32>min ? <f32>min : v;
      store<f32>(y + (<usize>i << 2), low > <f32>max ? <f32>max : low);
    }
    return;
  }
  for (let i = begin; i < end; i++) {
    const v = read(dtype, x, i);
    const low = v < min ? min : v;
    const r = low > max ? max : low;
    if (dtype == OP.DTYPE_FLOAT64) store<f64>(y + (<usize>i << 3), r);
    else store<i32>(y + (<usize>i << 2), toInt32(r));
  }
}
