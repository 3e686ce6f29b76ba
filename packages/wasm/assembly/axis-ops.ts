// Ops along one axis of a [outer, n, inner] view: argmax/argmin, cumsum and topk. Each runs
// outer blocks [begin, end), so threads never share an output.
import * as OP from '../src/kernels/opcodes';
import { toInt32 } from './binary';

// @ts-ignore: decorator
@inline function readAs<T>(p: usize): f64 {
  return <f64>load<T>(p);
}

// @ts-ignore: decorator
@inline function argReduceTyped<T>(begin: i32, end: i32, isMax: bool, selectLast: bool, x: usize, y: usize, n: i32, inner: i32): void {
  const size = sizeof<T>();
  const step = <usize>inner * size;
  for (let o = begin; o < end; o++) {
    for (let i = 0; i < inner; i++) {
      let p = x + (<usize>o * <usize>n * <usize>inner + <usize>i) * size;
      let best = readAs<T>(p);
      let bestIndex = 0;
      // NaN ranks above every number (first NaN wins); ties keep the first index unless selectLast.
      for (let k = 1; k < n; k++) {
        if (best != best) break;
        p += step;
        const v = readAs<T>(p);
        if ((isMax ? v > best : v < best) || v != v || (selectLast && v == best)) {
          best = v;
          bestIndex = k;
        }
      }
      store<i32>(y + ((<usize>o * <usize>inner + <usize>i) << 2), bestIndex);
    }
  }
}

/** argmax (isMax) / argmin over the middle axis: int32 indices. */
export function argReduce(begin: i32, end: i32, dtype: i32, isMax: i32, selectLast: i32, x: usize, y: usize, n: i32, inner: i32): void {
  if (dtype == OP.DTYPE_FLOAT32) argReduceTyped<f32>(begin, end, isMax != 0, selectLast != 0, x, y, n, inner);
  else if (dtype == OP.DTYPE_FLOAT64) argReduceTyped<f64>(begin, end, isMax != 0, selectLast != 0, x, y, n, inner);
  else if (dtype == OP.DTYPE_INT32) argReduceTyped<i32>(begin, end, isMax != 0, selectLast != 0, x, y, n, inner);
  else argReduceTyped<u8>(begin, end, isMax != 0, selectLast != 0, x, y, n, inner);
}

// @ts-ignore: decorator
@inline function cumsumTyped<T>(begin: i32, end: i32, scratch: usize, exclusive: bool, reverse: bool, x: usize, y: usize, n: i32, inner: i32): void {
  const size = sizeof<T>();
  for (let o = begin; o < end; o++) {
    memory.fill(scratch, 0, <usize>inner << 3);
    for (let t = 0; t < n; t++) {
      const row = (<usize>o * <usize>n + <usize>(reverse ? n - 1 - t : t)) * <usize>inner;
      for (let i = 0; i < inner; i++) {
        const accumulator = scratch + (<usize>i << 3);
        const at = (row + <usize>i) * size;
        const before = load<f64>(accumulator);
        const after = before + readAs<T>(x + at);
        store<f64>(accumulator, after);
        const value = exclusive ? before : after;
        if (isFloat<T>()) store<T>(y + at, <T>value);
        else store<T>(y + at, <T>toInt32(value));
      }
    }
  }
}

/** Running sums along the middle axis, accumulated in float64 (`scratch`: inner float64s). */
export function cumsum(begin: i32, end: i32, scratch: usize, dtype: i32, exclusive: i32, reverse: i32, x: usize, y: usize, n: i32, inner: i32): void {
  if (dtype == OP.DTYPE_FLOAT32) cumsumTyped<f32>(begin, end, scratch, exclusive != 0, reverse != 0, x, y, n, inner);
  else if (dtype == OP.DTYPE_FLOAT64) cumsumTyped<f64>(begin, end, scratch, exclusive != 0, reverse != 0, x, y, n, inner);
  else cumsumTyped<i32>(begin, end, scratch, exclusive != 0, reverse != 0, x, y, n, inner);
}

/** True when position a of the line ranks before position b (NaN above all; ties by index). */
// @ts-ignore: decorator
@inline function ranksBefore<T>(line: usize, stride: usize, a: i32, b: i32, largest: bool): bool {
  const va = readAs<T>(line + <usize>a * stride);
  const vb = readAs<T>(line + <usize>b * stride);
  if (va == vb || (va != va && vb != vb)) return a < b;
  const isAbove = va != va || (vb == vb && va > vb);
  return isAbove == largest;
}

// @ts-ignore: decorator
@inline function topkTyped<T>(begin: i32, end: i32, scratch: usize, largest: bool, x: usize, values: usize, indices: usize, n: i32, inner: i32, k: i32): void {
  const size = sizeof<T>();
  const stride = <usize>inner * size;
  const order = scratch;
  const buffer = scratch + (<usize>n << 2);
  for (let o = begin; o < end; o++) {
    for (let i = 0; i < inner; i++) {
      const line = x + (<usize>o * <usize>n * <usize>inner + <usize>i) * size;
      for (let t = 0; t < n; t++) store<i32>(order + (<usize>t << 2), t);
      // Bottom-up merge sort of the positions (stable, O(n log n)).
      let from = order;
      let to = buffer;
      for (let width = 1; width < n; width <<= 1) {
        for (let left = 0; left < n; left += width << 1) {
          const middle = min(left + width, n);
          const right = min(left + (width << 1), n);
          let p = left;
          let q = middle;
          for (let t = left; t < right; t++) {
            let takeLeft = q >= right;
            if (p < middle && q < right) {
              takeLeft = !ranksBefore<T>(line, stride, load<i32>(from + (<usize>q << 2)), load<i32>(from + (<usize>p << 2)), largest);
            }
            if (takeLeft && p < middle) {
              store<i32>(to + (<usize>t << 2), load<i32>(from + (<usize>p << 2)));
              p++;
            } else {
              store<i32>(to + (<usize>t << 2), load<i32>(from + (<usize>q << 2)));
              q++;
            }
          }
        }
        const swap = from;
        from = to;
        to = swap;
      }
      const outBase = <usize>o * <usize>k * <usize>inner + <usize>i;
      for (let t = 0; t < k; t++) {
        const position = load<i32>(from + (<usize>t << 2));
        const at = outBase + <usize>t * <usize>inner;
        store<T>(values + at * size, load<T>(line + <usize>position * stride));
        store<i32>(indices + (at << 2), position);
      }
    }
  }
}

/** The k first positions of each line sorted by rank; `scratch` holds 2n int32s. */
export function topk(begin: i32, end: i32, scratch: usize, dtype: i32, largest: i32, x: usize, values: usize, indices: usize, n: i32, inner: i32, k: i32): void {
  if (dtype == OP.DTYPE_FLOAT32) topkTyped<f32>(begin, end, scratch, largest != 0, x, values, indices, n, inner, k);
  else if (dtype == OP.DTYPE_FLOAT64) topkTyped<f64>(begin, end, scratch, largest != 0, x, values, indices, n, inner, k);
  else topkTyped<i32>(begin, end, scratch, largest != 0, x, values, indices, n, inner, k);
}
