// softmax / logSoftmax along the middle axis of [outer, n, inner]. Contiguous float32 rows (the
// usual last-axis case) are vectorised; other layouts and float64 run in float64 scalar code.
import * as OP from '../src/kernels/opcodes';
import { at4, loadPartial32, storePartial32 } from './lanes';
import { expF32x4 } from './math/exp-log';

/** The row maximum used as the shift; ±∞ becomes 0 (so all −∞ gives NaN, as the reference). */
// @ts-ignore: decorator
@inline function shiftOf(peak: f64): f64 {
  return peak == peak && Math.abs(peak) == Infinity ? 0.0 : peak;
}

// @ts-ignore: decorator
@inline function softmaxRowF32(x: usize, y: usize, n: i32, isLog: bool): void {
  let i = 0;
  let best = f32x4.splat(-Infinity);
  for (; i + 4 <= n; i += 4) best = f32x4.max(best, v128.load(at4(x, i)));
  if (i < n) best = f32x4.max(best, v128.bitselect(loadPartial32(at4(x, i), n - i), f32x4.splat(-Infinity), tailMask(n - i)));
  const peak = shiftOf(<f64>max(max(f32x4.extract_lane(best, 0), f32x4.extract_lane(best, 1)), max(f32x4.extract_lane(best, 2), f32x4.extract_lane(best, 3))));
  const shift = f32x4.splat(<f32>peak);
  // Σ e^(x − peak) in float64 lanes; the exponentials are kept in y for softmax.
  let low = f64x2.splat(0);
  let high = f64x2.splat(0);
  for (i = 0; i + 4 <= n; i += 4) {
    const e = expF32x4(f32x4.sub(v128.load(at4(x, i)), shift));
    if (!isLog) v128.store(at4(y, i), e);
    low = f64x2.add(low, f64x2.promote_low_f32x4(e));
    high = f64x2.add(high, f64x2.promote_low_f32x4(i32x4.shuffle(e, e, 2, 3, 0, 1)));
  }
  let total = f64x2.extract_lane(low, 0) + f64x2.extract_lane(low, 1) + (f64x2.extract_lane(high, 0) + f64x2.extract_lane(high, 1));
  if (i < n) {
    const e = expF32x4(f32x4.sub(loadPartial32(at4(x, i), n - i), shift));
    if (!isLog) storePartial32(at4(y, i), e, n - i);
    total += <f64>f32x4.extract_lane(e, 0);
    if (n - i > 1) total += <f64>f32x4.extract_lane(e, 1);
    if (n - i > 2) total += <f64>f32x4.extract_lane(e, 2);
  }
  if (isLog) {
    const offset = f32x4.splat(<f32>(peak + Math.log(total)));
    for (i = 0; i + 4 <= n; i += 4) v128.store(at4(y, i), f32x4.sub(v128.load(at4(x, i)), offset));
    if (i < n) storePartial32(at4(y, i), f32x4.sub(loadPartial32(at4(x, i), n - i), offset), n - i);
  } else {
    const divisor = f32x4.splat(<f32>total);
    for (i = 0; i + 4 <= n; i += 4) v128.store(at4(y, i), f32x4.div(v128.load(at4(y, i)), divisor));
    if (i < n) storePartial32(at4(y, i), f32x4.div(loadPartial32(at4(y, i), n - i), divisor), n - i);
  }
}

/** All-ones lanes for the first `count` (1–3) lanes. */
// @ts-ignore: decorator
@inline function tailMask(count: i32): v128 {
  return i32x4.lt_s(i32x4(0, 1, 2, 3), i32x4.splat(count));
}

// @ts-ignore: decorator
@inline function softmaxLine<T>(x: usize, y: usize, n: i32, stride: usize, isLog: bool): void {
  const size = sizeof<T>();
  let peak: f64 = -Infinity;
  for (let k = 0; k < n; k++) {
    const v = <f64>load<T>(x + <usize>k * stride * size);
    peak = v > peak || v != v ? v : peak;
  }
  peak = shiftOf(peak);
  let total: f64 = 0;
  for (let k = 0; k < n; k++) total += Math.exp(<f64>load<T>(x + <usize>k * stride * size) - peak);
  const logTotal = Math.log(total);
  for (let k = 0; k < n; k++) {
    const at = <usize>k * stride * size;
    const shifted = <f64>load<T>(x + at) - peak;
    store<T>(y + at, <T>(isLog ? shifted - logTotal : Math.exp(shifted) / total));
  }
}

/** softmax (isLog = 0) or logSoftmax over the middle axis; runs outer blocks [begin, end). */
export function softmax(begin: i32, end: i32, dtype: i32, isLog: i32, x: usize, y: usize, n: i32, inner: i32): void {
  for (let o = begin; o < end; o++) {
    for (let i = 0; i < inner; i++) {
      const offset = <usize>o * <usize>n * <usize>inner + <usize>i;
      if (dtype == OP.DTYPE_FLOAT64) {
        softmaxLine<f64>(x + (offset << 3), y + (offset << 3), n, <usize>inner, isLog != 0);
      } else if (inner == 1) {
        softmaxRowF32(x + (offset << 2), y + (offset << 2), n, isLog != 0);
      } else {
        softmaxLine<f32>(x + (offset << 2), y + (offset << 2), n, <usize>inner, isLog != 0);
      }
    }
  }
}
