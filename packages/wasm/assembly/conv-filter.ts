// float32 filter gradient of a convolution with horizontal stride 1, computed directly: no im2col
// panels. dW[o, (c, ky, kx)] = Σ over images and output pixels of dy[o, pixel] · x[c, tap pixel].
// Each image is copied once into zero-padded rows (conv-panels.ts), then every block of 2 output
// channels × 4 taps sweeps the image four pixels at a time: per step 2 loads of dy, 4 unaligned
// loads of x and 8 multiply-adds into 8 vector accumulators, which persist across the images of
// a slice and are summed across lanes at its end. The batch is cut into fixed slices (see
// conv2dFilterSlices), so the sums never depend on the thread count.
import * as P from './conv-panels';
import { madd } from './gemm/micro-kernel';

/** Output channels × taps per accumulator block. */
const BLOCK_ROWS = 2;
const BLOCK_TAPS = 4;
/** Accumulator bytes per pass: more output channels take several passes over the slice. */
const ACCUMULATOR_BUDGET = 1 << 18;

/** Output channels per pass over a slice (a multiple of BLOCK_ROWS, at least one block row). */
// @ts-ignore: decorator
@inline function rowsPerPass(p: usize): i32 {
  const taps = load<i32>(p, P.IN_CHANNELS) * load<i32>(p, P.KERNEL_H) * load<i32>(p, P.KERNEL_W);
  const pairBytes = ((taps + BLOCK_TAPS - 1) / BLOCK_TAPS) * 128;
  const rows = load<i32>(p, P.OUT_CHANNELS);
  return min(max(1, ACCUMULATOR_BUDGET / pairBytes) * BLOCK_ROWS, (rows + BLOCK_ROWS - 1) & ~(BLOCK_ROWS - 1));
}

// @ts-ignore: decorator
@inline function blockCounts(p: usize): i32 {
  const taps = load<i32>(p, P.IN_CHANNELS) * load<i32>(p, P.KERNEL_H) * load<i32>(p, P.KERNEL_W);
  return (rowsPerPass(p) / BLOCK_ROWS) * ((taps + BLOCK_TAPS - 1) / BLOCK_TAPS);
}

/** Scratch one thread needs: the padded image, the tap offsets and the accumulator blocks. */
export function convFilterScratchBytes(p: usize): i32 {
  const taps = load<i32>(p, P.IN_CHANNELS) * load<i32>(p, P.KERNEL_H) * load<i32>(p, P.KERNEL_W);
  const padded = <i32>load<i32>(p, P.IN_CHANNELS) * load<i32>(p, P.PADDED_ROWS) * load<i32>(p, P.PADDED_WIDTH);
  return ((padded + 15) & ~15) * 4 + ((taps * 4 + 15) & ~15) + blockCounts(p) * 128;
}

/** The first `count` (1…3) floats at `at`, zeros after: never reads past them. */
// @ts-ignore: decorator
@inline function loadPartial(at: usize, count: i32): v128 {
  let v = f32x4.replace_lane(f32x4.splat(0), 0, load<f32>(at));
  if (count > 1) v = f32x4.replace_lane(v, 1, load<f32>(at, 4));
  if (count > 2) v = f32x4.replace_lane(v, 2, load<f32>(at, 8));
  return v;
}

/** ((l0 + l1) + (l2 + l3)) of a vector: a fixed order. */
// @ts-ignore: decorator
@inline function laneSum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/**
 * One image: every accumulator block (o pair `ob`, tap quad `tb`) adds its sweep over the output
 * pixels. `offsets` holds each tap's float offset into the padded image; rows and taps past the
 * end repeat the last one (their sums are never stored).
 */
function sweepImage(p: usize, dy: usize, o0: i32, o1: i32, padded: usize, offsets: usize, accumulators: usize): void {
  const rows = load<i32>(p, P.OUT_CHANNELS);
  const taps = load<i32>(p, P.IN_CHANNELS) * load<i32>(p, P.KERNEL_H) * load<i32>(p, P.KERNEL_W);
  const outH = load<i32>(p, P.OUT_H);
  const outW = load<i32>(p, P.OUT_W);
  const strideH = load<i32>(p, P.STRIDE_H);
  const pitch = load<i32>(p, P.PADDED_WIDTH);
  const plane = <usize>outH * <usize>outW;
  const tapBlocks = (taps + BLOCK_TAPS - 1) / BLOCK_TAPS;
  const fullW = outW & ~3;
  let block = accumulators;
  for (let o = o0; o < o1; o += BLOCK_ROWS) {
    const dy0 = dy + ((<usize>o * plane) << 2);
    const dy1 = dy + ((<usize>min(o + 1, rows - 1) * plane) << 2);
    for (let tb = 0; tb < tapBlocks; tb++) {
      const t = tb * BLOCK_TAPS;
      const x0 = padded + (<usize>load<i32>(offsets + (<usize>t << 2)) << 2);
      const x1 = padded + (<usize>load<i32>(offsets + (<usize>min(t + 1, taps - 1) << 2)) << 2);
      const x2 = padded + (<usize>load<i32>(offsets + (<usize>min(t + 2, taps - 1) << 2)) << 2);
      const x3 = padded + (<usize>load<i32>(offsets + (<usize>min(t + 3, taps - 1) << 2)) << 2);
      let a00 = v128.load(block);
      let a01 = v128.load(block, 16);
      let a02 = v128.load(block, 32);
      let a03 = v128.load(block, 48);
      let a10 = v128.load(block, 64);
      let a11 = v128.load(block, 80);
      let a12 = v128.load(block, 96);
      let a13 = v128.load(block, 112);
      for (let oy = 0; oy < outH; oy++) {
        const g0Row = dy0 + (<usize>(oy * outW) << 2);
        const g1Row = dy1 + (<usize>(oy * outW) << 2);
        const xRow = <usize>(oy * strideH * pitch) << 2;
        const rowEnd = g0Row + (<usize>fullW << 2);
        let g0At = g0Row;
        let g1At = g1Row;
        let xAt = xRow;
        while (g0At < rowEnd) {
          const g0 = v128.load(g0At);
          const g1 = v128.load(g1At);
          const v0 = v128.load(x0 + xAt);
          const v1 = v128.load(x1 + xAt);
          const v2 = v128.load(x2 + xAt);
          const v3 = v128.load(x3 + xAt);
          a00 = madd(g0, v0, a00);
          a01 = madd(g0, v1, a01);
          a02 = madd(g0, v2, a02);
          a03 = madd(g0, v3, a03);
          a10 = madd(g1, v0, a10);
          a11 = madd(g1, v1, a11);
          a12 = madd(g1, v2, a12);
          a13 = madd(g1, v3, a13);
          g0At += 16;
          g1At += 16;
          xAt += 16;
        }
        if (fullW < outW) {
          // The row's last pixels: dy is read no further, and x lanes past the row are zeroed
          // too (0 · inf would be NaN).
          const left = outW - fullW;
          const mask = i32x4.gt_s(i32x4.splat(left), i32x4(0, 1, 2, 3));
          const g0 = loadPartial(g0At, left);
          const g1 = loadPartial(g1At, left);
          const v0 = v128.and(v128.load(x0 + xAt), mask);
          const v1 = v128.and(v128.load(x1 + xAt), mask);
          const v2 = v128.and(v128.load(x2 + xAt), mask);
          const v3 = v128.and(v128.load(x3 + xAt), mask);
          a00 = madd(g0, v0, a00);
          a01 = madd(g0, v1, a01);
          a02 = madd(g0, v2, a02);
          a03 = madd(g0, v3, a03);
          a10 = madd(g1, v0, a10);
          a11 = madd(g1, v1, a11);
          a12 = madd(g1, v2, a12);
          a13 = madd(g1, v3, a13);
        }
      }
      v128.store(block, a00);
      v128.store(block, a01, 16);
      v128.store(block, a02, 32);
      v128.store(block, a03, 48);
      v128.store(block, a10, 64);
      v128.store(block, a11, 80);
      v128.store(block, a12, 96);
      v128.store(block, a13, 112);
      block += 128;
    }
  }
}

/**
 * Filter-gradient slices [begin, end) of `perSlice` images: slice s writes its dW (all groups)
 * to `partials` + (s − 1)·size, slice 0 straight to dW; sumSlices (conv.ts) adds them in order.
 * Parameters as conv-panels.ts with X = x, W = dW, Y = dy, OUT_* = dy's plane.
 */
export function conv2dFilterDirect(begin: i32, end: i32, scratch: usize, p: usize, partials: usize, perSlice: i32, batch: i32): void {
  const groups = load<i32>(p, P.GROUPS);
  const inChannels = load<i32>(p, P.IN_CHANNELS);
  const kh = load<i32>(p, P.KERNEL_H);
  const kw = load<i32>(p, P.KERNEL_W);
  const rows = load<i32>(p, P.OUT_CHANNELS);
  const taps = inChannels * kh * kw;
  const pitch = load<i32>(p, P.PADDED_WIDTH);
  const paddedRows = load<i32>(p, P.PADDED_ROWS);
  const planeIn = <usize>load<i32>(p, P.IN_H) * <usize>load<i32>(p, P.IN_W);
  const plane = <usize>load<i32>(p, P.OUT_H) * <usize>load<i32>(p, P.OUT_W);
  const x = <usize>load<i32>(p, P.X);
  const dw = <usize>load<i32>(p, P.W);
  const dy = <usize>load<i32>(p, P.Y);
  const size = <usize>groups * <usize>rows * <usize>taps;
  const padded = scratch;
  const offsets = padded + ((<usize>((inChannels * paddedRows * pitch + 15) & ~15)) << 2);
  const accumulators = offsets + <usize>((taps * 4 + 15) & ~15);
  const blocks = blockCounts(p);
  const passRows = rowsPerPass(p);
  // Tap (c, ky, kx) reads the padded image at c·rows·pitch + ky·dh·pitch + kx·dw.
  const dilationH = load<i32>(p, P.DILATION_H);
  const dilationW = load<i32>(p, P.DILATION_W);
  for (let c = 0, t = 0; c < inChannels; c++) {
    for (let ky = 0; ky < kh; ky++) {
      for (let kx = 0; kx < kw; kx++, t++) {
        store<i32>(offsets + (<usize>t << 2), (c * paddedRows + ky * dilationH) * pitch + kx * dilationW);
      }
    }
  }
  const tapBlocks = (taps + BLOCK_TAPS - 1) / BLOCK_TAPS;
  for (let s = begin; s < end; s++) {
    const first = s * perSlice;
    const last = min(first + perSlice, batch);
    const target = s == 0 ? dw : partials + ((<usize>(s - 1) * size) << 2);
    for (let group = 0; group < groups; group++) {
      const groupTarget = target + ((<usize>group * <usize>rows * <usize>taps) << 2);
      for (let o0 = 0; o0 < rows; o0 += passRows) {
        const o1 = min(o0 + passRows, rows);
        memory.fill(accumulators, 0, <usize>blocks * 128);
        for (let image = first; image < last; image++) {
          const n = <usize>image * <usize>groups + <usize>group;
          P.copyPadded(p, x + ((n * <usize>inChannels * planeIn) << 2), -load<i32>(p, P.PAD_TOP), paddedRows, padded);
          sweepImage(p, dy + ((n * <usize>rows * plane) << 2), o0, o1, padded, offsets, accumulators);
        }
        let block = accumulators;
        for (let o = o0; o < o1; o += BLOCK_ROWS) {
          for (let tb = 0; tb < tapBlocks; tb++) {
            for (let r = 0; r < BLOCK_ROWS; r++) {
              for (let u = 0; u < BLOCK_TAPS; u++) {
                const t = tb * BLOCK_TAPS + u;
                if (o + r < o1 && t < taps) {
                  const sum = laneSum(v128.load(block + (<usize>(r * BLOCK_TAPS + u) << 4)));
                  store<f32>(groupTarget + ((<usize>(o + r) * <usize>taps + <usize>t) << 2), sum);
                }
              }
            }
            block += 128;
          }
        }
      }
    }
  }
}
