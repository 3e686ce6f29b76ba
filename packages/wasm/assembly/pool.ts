// 2-D max and average pooling with their backward kernels, for each (n, c) plane in
// [begin, end). Windows follow the js reference: taps inside the input count, a ceil-mode window
// may run past the trailing padding, and a max window with no tap inside gives −∞ and index −1.
import * as OP from '../src/kernels/opcodes';

// Byte offsets of the int32 fields of a pooling parameter block (written by src/kernels/pool.ts).
const HEIGHT = 0;
const WIDTH = 4;
const OUT_H = 8;
const OUT_W = 12;
const KERNEL_H = 16;
const KERNEL_W = 20;
const STRIDE_H = 24;
const STRIDE_W = 28;
const PAD_TOP = 32;
const PAD_LEFT = 36;
const DILATION_H = 40;
const DILATION_W = 44;
const PAD_BOTTOM = 48;
const PAD_RIGHT = 52;
const COUNT_INCLUDE_PAD = 56;

/** First tap of a window starting at `start` that lands inside the input. */
// @ts-ignore: decorator
@inline function firstInside(start: i32, dilation: i32): i32 {
  return start >= 0 ? 0 : (-start + dilation - 1) / dilation;
}

/** One past the last tap (at most `kernel`) with start + tap·dilation < length. */
// @ts-ignore: decorator
@inline function endInside(start: i32, dilation: i32, length: i32, kernel: i32): i32 {
  const last = length - 1 - start;
  return last < 0 ? 0 : min(kernel, last / dilation + 1);
}

// @ts-ignore: decorator
@inline function readAs<T>(p: usize, i: i32): f64 {
  return <f64>load<T>(p + <usize>i * sizeof<T>());
}

// @ts-ignore: decorator
@inline function maxPoolTyped<T>(begin: i32, end: i32, params: usize, x: usize, y: usize, indices: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const kh = load<i32>(params, KERNEL_H);
  const kw = load<i32>(params, KERNEL_W);
  const dh = load<i32>(params, DILATION_H);
  const dw = load<i32>(params, DILATION_W);
  for (let plane = begin; plane < end; plane++) {
    const input = x + <usize>plane * <usize>(h * w) * sizeof<T>();
    for (let oh = 0; oh < outH; oh++) {
      const startH = oh * load<i32>(params, STRIDE_H) - load<i32>(params, PAD_TOP);
      const firstH = firstInside(startH, dh);
      const endH = max(firstH, endInside(startH, dh, h, kh));
      for (let ow = 0; ow < outW; ow++) {
        const startW = ow * load<i32>(params, STRIDE_W) - load<i32>(params, PAD_LEFT);
        const firstW = firstInside(startW, dw);
        const endW = max(firstW, endInside(startW, dw, w, kw));
        let best: f64 = -Infinity;
        let bestIndex = -1;
        for (let ki = firstH; ki < endH; ki++) {
          const rowIndex = (startH + ki * dh) * w + startW;
          for (let kj = firstW; kj < endW; kj++) {
            const index = rowIndex + kj * dw;
            const v = readAs<T>(input, index);
            if (bestIndex < 0 || v > best || (v != v && best == best)) {
              best = v;
              bestIndex = index;
            }
          }
        }
        const out = (<usize>plane * <usize>outH + <usize>oh) * <usize>outW + <usize>ow;
        if (isFloat<T>()) store<T>(y + out * sizeof<T>(), <T>best);
        else store<T>(y + out * sizeof<T>(), bestIndex < 0 ? <T>0 : <T>best);
        store<i32>(indices + (out << 2), bestIndex);
      }
    }
  }
}

/** maxPool2d: values and flat in-plane indices of the first maximum (NaN wins). */
export function maxPool2d(begin: i32, end: i32, dtype: i32, params: usize, x: usize, y: usize, indices: usize): void {
  if (dtype == OP.DTYPE_FLOAT32) maxPoolTyped<f32>(begin, end, params, x, y, indices);
  else if (dtype == OP.DTYPE_FLOAT64) maxPoolTyped<f64>(begin, end, params, x, y, indices);
  else maxPoolTyped<i32>(begin, end, params, x, y, indices);
}

// @ts-ignore: decorator
@inline function maxPoolBackwardTyped<T>(begin: i32, end: i32, planeIn: i32, planeOut: i32, dy: usize, indices: usize, dx: usize): void {
  const size = sizeof<T>();
  for (let plane = begin; plane < end; plane++) {
    const target = dx + <usize>plane * <usize>planeIn * size;
    memory.fill(target, 0, <usize>planeIn * size);
    for (let j = plane * planeOut; j < (plane + 1) * planeOut; j++) {
      const index = load<i32>(indices + (<usize>j << 2));
      if (index >= 0 && index < planeIn) {
        const at = target + <usize>index * size;
        store<T>(at, load<T>(at) + load<T>(dy + <usize>j * size));
      }
    }
  }
}

/** dx[plane, indices[j]] += dy[j] for planes [begin, end). */
export function maxPool2dBackward(begin: i32, end: i32, dtype: i32, planeIn: i32, planeOut: i32, dy: usize, indices: usize, dx: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) maxPoolBackwardTyped<f64>(begin, end, planeIn, planeOut, dy, indices, dx);
  else maxPoolBackwardTyped<f32>(begin, end, planeIn, planeOut, dy, indices, dx);
}

/** The divisor of an average window: padded taps, or taps inside the input (never 0). */
// @ts-ignore: decorator
@inline function divisorOf(params: usize, startH: i32, startW: i32, firstH: i32, endH: i32, firstW: i32, endW: i32): f64 {
  let count: i32;
  if (load<i32>(params, COUNT_INCLUDE_PAD) != 0) {
    const rows = endInside(startH, load<i32>(params, DILATION_H), load<i32>(params, HEIGHT) + load<i32>(params, PAD_BOTTOM), load<i32>(params, KERNEL_H));
    const cols = endInside(startW, load<i32>(params, DILATION_W), load<i32>(params, WIDTH) + load<i32>(params, PAD_RIGHT), load<i32>(params, KERNEL_W));
    count = rows * cols;
  } else {
    count = (endH - firstH) * (endW - firstW);
  }
  return count == 0 ? 1.0 : <f64>count;
}

// @ts-ignore: decorator
@inline function avgPoolTyped<T>(begin: i32, end: i32, isBackward: bool, params: usize, x: usize, y: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const kh = load<i32>(params, KERNEL_H);
  const kw = load<i32>(params, KERNEL_W);
  const dh = load<i32>(params, DILATION_H);
  const dw = load<i32>(params, DILATION_W);
  const size = sizeof<T>();
  for (let plane = begin; plane < end; plane++) {
    // Forward: x is the input, y the output. Backward: x is dy, y is dx (the input-shaped side).
    const inputSide = (isBackward ? y : x) + <usize>plane * <usize>(h * w) * size;
    const outputSide = (isBackward ? x : y) + <usize>plane * <usize>(outH * outW) * size;
    if (isBackward) memory.fill(inputSide, 0, <usize>(h * w) * size);
    for (let oh = 0; oh < outH; oh++) {
      const startH = oh * load<i32>(params, STRIDE_H) - load<i32>(params, PAD_TOP);
      const firstH = firstInside(startH, dh);
      const endH = max(firstH, endInside(startH, dh, h, kh));
      for (let ow = 0; ow < outW; ow++) {
        const startW = ow * load<i32>(params, STRIDE_W) - load<i32>(params, PAD_LEFT);
        const firstW = firstInside(startW, dw);
        const endW = max(firstW, endInside(startW, dw, w, kw));
        const divisor = divisorOf(params, startH, startW, firstH, endH, firstW, endW);
        const out = outputSide + <usize>(oh * outW + ow) * size;
        if (isBackward) {
          const share = <f64>load<T>(out) / divisor;
          for (let ki = firstH; ki < endH; ki++) {
            const rowIndex = (startH + ki * dh) * w + startW;
            for (let kj = firstW; kj < endW; kj++) {
              const at = inputSide + <usize>(rowIndex + kj * dw) * size;
              store<T>(at, <T>(<f64>load<T>(at) + share));
            }
          }
        } else {
          let total: f64 = 0;
          for (let ki = firstH; ki < endH; ki++) {
            const rowIndex = (startH + ki * dh) * w + startW;
            for (let kj = firstW; kj < endW; kj++) total += readAs<T>(inputSide, rowIndex + kj * dw);
          }
          store<T>(out, <T>(total / divisor));
        }
      }
    }
  }
}

/** avgPool2d (isBackward = 0: x → y) or its backward (x = dy → y = dx) for planes [begin, end). */
export function avgPool2d(begin: i32, end: i32, dtype: i32, isBackward: i32, params: usize, x: usize, y: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) avgPoolTyped<f64>(begin, end, isBackward != 0, params, x, y);
  else avgPoolTyped<f32>(begin, end, isBackward != 0, params, x, y);
}

/**
 * The common 2×2, stride 2 max pool on float32 without padding or dilation, four outputs at a
 * time: even and odd columns of two input rows are split by shuffles and compared in the
 * reference's order (row by row, left to right), keeping the first maximum and letting NaN win.
 */
export function maxPool2x2F32(begin: i32, end: i32, params: usize, x: usize, y: usize, indices: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const step = i32x4(0, 2, 4, 6);
  const one = i32x4.splat(1);
  const down = i32x4.splat(w);
  for (let plane = begin; plane < end; plane++) {
    const input = x + ((<usize>plane * <usize>(h * w)) << 2);
    const output = (<usize>plane * <usize>outH) * <usize>outW;
    for (let oh = 0; oh < outH; oh++) {
      const top = input + (<usize>(2 * oh * w) << 2);
      const bottom = top + (<usize>w << 2);
      const out = output + <usize>oh * <usize>outW;
      let ow = 0;
      for (; ow + 4 <= outW; ow += 4) {
        const at = <usize>(8 * ow);
        const a0 = v128.load(top + at);
        const a1 = v128.load(top + at, 16);
        const b0 = v128.load(bottom + at);
        const b1 = v128.load(bottom + at, 16);
        let best = i32x4.shuffle(a0, a1, 0, 2, 4, 6);
        let index = i32x4.add(i32x4.splat(2 * oh * w + 2 * ow), step);
        // Candidate order: top-right, bottom-left, bottom-right.
        let v = i32x4.shuffle(a0, a1, 1, 3, 5, 7);
        let vi = i32x4.add(index, one);
        // NaN wins over a number: take v when v > best, or v is NaN and best is not.
        let take = v128.or(f32x4.gt(v, best), v128.andnot(f32x4.ne(v, v), f32x4.ne(best, best)));
        best = v128.bitselect(v, best, take);
        const firstIndex = index;
        index = v128.bitselect(vi, index, take);
        v = i32x4.shuffle(b0, b1, 0, 2, 4, 6);
        vi = i32x4.add(firstIndex, down);
        take = v128.or(f32x4.gt(v, best), v128.andnot(f32x4.ne(v, v), f32x4.ne(best, best)));
        best = v128.bitselect(v, best, take);
        index = v128.bitselect(vi, index, take);
        v = i32x4.shuffle(b0, b1, 1, 3, 5, 7);
        vi = i32x4.add(vi, one);
        take = v128.or(f32x4.gt(v, best), v128.andnot(f32x4.ne(v, v), f32x4.ne(best, best)));
        best = v128.bitselect(v, best, take);
        index = v128.bitselect(vi, index, take);
        v128.store(y + ((out + <usize>ow) << 2), best);
        v128.store(indices + ((out + <usize>ow) << 2), index);
      }
      for (; ow < outW; ow++) {
        let best: f32 = -Infinity;
        let bestIndex = -1;
        for (let ki = 0; ki < 2; ki++) {
          for (let kj = 0; kj < 2; kj++) {
            const index = (2 * oh + ki) * w + 2 * ow + kj;
            const value = load<f32>(input + (<usize>index << 2));
            if (bestIndex < 0 || value > best || (value != value && best == best)) {
              best = value;
              bestIndex = index;
            }
          }
        }
        store<f32>(y + ((out + <usize>ow) << 2), best);
        store<i32>(indices + ((out + <usize>ow) << 2), bestIndex);
      }
    }
  }
}

/**
 * The common 2×2, stride 2 average pool on float32 without padding or dilation, and its backward
 * (isBackward: x is dy, y is dx). Forward sums each window in float64 in the reference's order and
 * rounds once; backward gives each input a quarter of its window's gradient (windows do not overlap).
 */
export function avgPool2x2F32(begin: i32, end: i32, isBackward: i32, params: usize, x: usize, y: usize): void {
  const h = load<i32>(params, HEIGHT);
  const w = load<i32>(params, WIDTH);
  const outH = load<i32>(params, OUT_H);
  const outW = load<i32>(params, OUT_W);
  const quarter = f32x4.splat(0.25);
  for (let plane = begin; plane < end; plane++) {
    const inputSide = (isBackward ? y : x) + ((<usize>plane * <usize>(h * w)) << 2);
    const outputSide = (isBackward ? x : y) + ((<usize>plane * <usize>(outH * outW)) << 2);
    if (isBackward) memory.fill(inputSide, 0, <usize>(h * w) << 2);
    for (let oh = 0; oh < outH; oh++) {
      const top = inputSide + (<usize>(2 * oh * w) << 2);
      const bottom = top + (<usize>w << 2);
      const out = outputSide + (<usize>(oh * outW) << 2);
      let ow = 0;
      for (; ow + 4 <= outW; ow += 4) {
        const at = <usize>(8 * ow);
        if (isBackward) {
          const share = f32x4.mul(v128.load(out + (<usize>ow << 2)), quarter);
          const low = i32x4.shuffle(share, share, 0, 0, 1, 1);
          const high = i32x4.shuffle(share, share, 2, 2, 3, 3);
          v128.store(top + at, low);
          v128.store(top + at, high, 16);
          v128.store(bottom + at, low);
          v128.store(bottom + at, high, 16);
        } else {
          const a0 = v128.load(top + at);
          const a1 = v128.load(top + at, 16);
          const b0 = v128.load(bottom + at);
          const b1 = v128.load(bottom + at, 16);
          const topLeft = i32x4.shuffle(a0, a1, 0, 2, 4, 6);
          const topRight = i32x4.shuffle(a0, a1, 1, 3, 5, 7);
          const bottomLeft = i32x4.shuffle(b0, b1, 0, 2, 4, 6);
          const bottomRight = i32x4.shuffle(b0, b1, 1, 3, 5, 7);
          v128.store(out + (<usize>ow << 2), i64x2.shuffle(average4(topLeft, topRight, bottomLeft, bottomRight, 0), average4(topLeft, topRight, bottomLeft, bottomRight, 1), 0, 2));
        }
      }
      for (; ow < outW; ow++) {
        const at = <usize>(8 * ow);
        if (isBackward) {
          const share = load<f32>(out + (<usize>ow << 2)) * 0.25;
          store<f32>(top + at, share);
          store<f32>(top + at, share, 4);
          store<f32>(bottom + at, share);
          store<f32>(bottom + at, share, 4);
        } else {
          const total = <f64>load<f32>(top + at) + <f64>load<f32>(top + at, 4) + <f64>load<f32>(bottom + at) + <f64>load<f32>(bottom + at, 4);
          store<f32>(out + (<usize>ow << 2), <f32>(total / 4));
        }
      }
    }
  }
}

/** Lanes (2·half, 2·half + 1) of the four window corners, averaged in float64: two float32 in the low half. */
// @ts-ignore: decorator
@inline function average4(a: v128, b: v128, c: v128, d: v128, half: i32): v128 {
  const wa = f64x2.promote_low_f32x4(half == 0 ? a : i32x4.shuffle(a, a, 2, 3, 0, 1));
  const wb = f64x2.promote_low_f32x4(half == 0 ? b : i32x4.shuffle(b, b, 2, 3, 0, 1));
  const wc = f64x2.promote_low_f32x4(half == 0 ? c : i32x4.shuffle(c, c, 2, 3, 0, 1));
  const wd = f64x2.promote_low_f32x4(half == 0 ? d : i32x4.shuffle(d, d, 2, 3, 0, 1));
  const total = f64x2.add(f64x2.add(f64x2.add(wa, wb), wc), wd);
  return f32x4.demote_f64x2_zero(f64x2.div(total, f64x2.splat(4)));
}
