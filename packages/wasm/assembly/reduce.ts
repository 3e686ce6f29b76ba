// Reductions over the middle axis of a [outer, n, inner] view. Sums and products accumulate in
// float64 (as the js reference does) in a fixed order, so results do not depend on threading.
// Work is split by outer blocks [begin, end).
import * as OP from '../src/kernels/opcodes';
import { toInt32 } from './binary';
import { at4, at8 } from './lanes';

// The result of reducing nothing. max/min start from the lowest/highest value the dtype holds
// (ONNX), so all() of nothing is true and any() of nothing is false.
// @ts-ignore: decorator
@inline function identity(op: i32, dtype: i32 = OP.DTYPE_FLOAT32): f64 {
  if (op == OP.REDUCE_SUM) return 0.0;
  if (op == OP.REDUCE_PROD) return 1.0;
  const isMax = op == OP.REDUCE_MAX;
  if (dtype == OP.DTYPE_INT32) return isMax ? -2147483648.0 : 2147483647.0;
  if (dtype == OP.DTYPE_BOOL) return isMax ? 0.0 : 1.0;
  return isMax ? -Infinity : Infinity;
}

// @ts-ignore: decorator
@inline function combine(op: i32, acc: f64, x: f64): f64 {
  switch (op) {
    case OP.REDUCE_SUM: return acc + x;
    case OP.REDUCE_PROD: return acc * x;
    case OP.REDUCE_MAX: return x > acc || x != x ? x : acc;
    default: return x < acc || x != x ? x : acc;
  }
}

// @ts-ignore: decorator
@inline function combineF64x2(op: i32, acc: v128, x: v128): v128 {
  return op == OP.REDUCE_SUM ? f64x2.add(acc, x) : f64x2.mul(acc, x);
}

/** Reduces one contiguous float32 row of n values. */
// @ts-ignore: decorator
@inline function reduceRowF32(op: i32, x: usize, n: i32): f64 {
  let i = 0;
  let acc = identity(op);
  if (op == OP.REDUCE_SUM || op == OP.REDUCE_PROD) {
    let low = f64x2.splat(acc);
    let high = low;
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(at4(x, i));
      low = combineF64x2(op, low, f64x2.promote_low_f32x4(v));
      high = combineF64x2(op, high, f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1)));
    }
    const pair = combineF64x2(op, low, high);
    acc = combine(op, f64x2.extract_lane(pair, 0), f64x2.extract_lane(pair, 1));
  } else {
    let best = f32x4.splat(<f32>acc);
    for (; i + 4 <= n; i += 4) {
      const v = v128.load(at4(x, i));
      best = op == OP.REDUCE_MAX ? f32x4.max(best, v) : f32x4.min(best, v);
    }
    acc = combine(op, acc, <f64>f32x4.extract_lane(best, 0));
    acc = combine(op, acc, <f64>f32x4.extract_lane(best, 1));
    acc = combine(op, acc, <f64>f32x4.extract_lane(best, 2));
    acc = combine(op, acc, <f64>f32x4.extract_lane(best, 3));
  }
  for (; i < n; i++) acc = combine(op, acc, <f64>load<f32>(at4(x, i)));
  return acc;
}

/**
 * float32 reduction. inner = 1 reduces contiguous rows; otherwise each outer block reduces n rows
 * of `inner` values into `scratch` (inner float64 accumulators) four columns at a time.
 */
export function reduceF32(begin: i32, end: i32, scratch: usize, op: i32, x: usize, y: usize, n: i32, inner: i32): void {
  if (inner == 1) {
    for (let o = begin; o < end; o++) store<f32>(at4(y, o), <f32>reduceRowF32(op, at4(x, o * n), n));
    return;
  }
  for (let o = begin; o < end; o++) {
    const block = at4(x, o * n * inner);
    const out = at4(y, o * inner);
    if (op == OP.REDUCE_MAX || op == OP.REDUCE_MIN) {
      const start = f32x4.splat(<f32>identity(op));
      let j = 0;
      for (; j + 4 <= inner; j += 4) {
        let best = start;
        for (let k = 0; k < n; k++) {
          const v = v128.load(at4(block, k * inner + j));
          best = op == OP.REDUCE_MAX ? f32x4.max(best, v) : f32x4.min(best, v);
        }
        v128.store(at4(out, j), best);
      }
      for (; j < inner; j++) {
        let acc = identity(op);
        for (let k = 0; k < n; k++) acc = combine(op, acc, <f64>load<f32>(at4(block, k * inner + j)));
        store<f32>(at4(out, j), <f32>acc);
      }
      continue;
    }
    const start = f64x2.splat(identity(op));
    let j = 0;
    for (; j + 4 <= inner; j += 4) {
      v128.store(at8(scratch, j), start);
      v128.store(at8(scratch, j + 2), start);
    }
    for (; j < inner; j++) store<f64>(at8(scratch, j), identity(op));
    for (let k = 0; k < n; k++) {
      const row = at4(block, k * inner);
      j = 0;
      for (; j + 4 <= inner; j += 4) {
        const v = v128.load(at4(row, j));
        v128.store(at8(scratch, j), combineF64x2(op, v128.load(at8(scratch, j)), f64x2.promote_low_f32x4(v)));
        const high = f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 0, 1));
        v128.store(at8(scratch, j + 2), combineF64x2(op, v128.load(at8(scratch, j + 2)), high));
      }
      for (; j < inner; j++) store<f64>(at8(scratch, j), combine(op, load<f64>(at8(scratch, j)), <f64>load<f32>(at4(row, j))));
    }
    for (j = 0; j < inner; j++) store<f32>(at4(out, j), <f32>load<f64>(at8(scratch, j)));
  }
}

// @ts-ignore: decorator
@inline function reduceTyped<T>(dtype: i32, op: i32, x: usize, y: usize, n: i32, inner: i32, begin: i32, end: i32): void {
  const size = sizeof<T>();
  for (let o = begin; o < end; o++) {
    for (let j = 0; j < inner; j++) {
      let acc = identity(op, dtype);
      let p = x + (<usize>(o * n) * <usize>inner + <usize>j) * size;
      for (let k = 0; k < n; k++) {
        acc = combine(op, acc, <f64>load<T>(p));
        p += <usize>inner * size;
      }
      const q = y + (<usize>o * <usize>inner + <usize>j) * size;
      if (isFloat<T>()) store<T>(q, <T>acc);
      else store<T>(q, <T>toInt32(acc));
    }
  }
}

/** float64, int32 and bool reductions (scalar; integers wrap like the js reference's typed arrays). */
export function reduceScalar(begin: i32, end: i32, dtype: i32, op: i32, x: usize, y: usize, n: i32, inner: i32): void {
  if (dtype == OP.DTYPE_FLOAT64) reduceTyped<f64>(dtype, op, x, y, n, inner, begin, end);
  else if (dtype == OP.DTYPE_INT32) reduceTyped<i32>(dtype, op, x, y, n, inner, begin, end);
  else if (dtype == OP.DTYPE_BOOL) reduceTyped<u8>(dtype, op, x, y, n, inner, begin, end);
  else reduceTyped<f32>(dtype, op, x, y, n, inner, begin, end);
}
