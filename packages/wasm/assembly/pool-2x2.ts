// The common 2×2, stride 2 pooling windows on float32 without padding or dilation, four outputs
// at a time with SIMD. src/kernels/pool.ts picks them when the window allows; pool.ts has the
// general kernels they must agree with bit for bit.
import { HEIGHT, WIDTH, OUT_H, OUT_W } from './pool-params';

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
