// Packing of a convolution's im2col matrix straight from the image, without building it. A row
// q = (c, ky, kx) and a column (image n, output pixel) name one input element, or 0 in the
// padding. The packers walk q and the pixels incrementally, so the inner loops do no division.

// Byte offsets of the int32 fields of a convolution geometry block (written by src/kernels/conv.ts).
export const CHANNELS = 0; // input channels per group
export const HEIGHT = 4;
export const WIDTH = 8;
export const KERNEL_H = 12;
export const KERNEL_W = 16;
export const STRIDE_H = 20;
export const STRIDE_W = 24;
export const PAD_TOP = 28;
export const PAD_LEFT = 32;
export const DILATION_H = 36;
export const DILATION_W = 40;
export const OUT_H = 44;
export const OUT_W = 48;
export const IMAGE_STRIDE = 52; // elements between images of the input
export const PLANE = 56; // OUT_H · OUT_W

/**
 * Four consecutive input columns ix … ix+3 of input row iy in channel plane `plane` (0 outside
 * the image): one vector load when all four are inside.
 */
// @ts-ignore: decorator
@inline function loadRun4(plane: usize, iy: i32, ix: i32, height: i32, width: i32): v128 {
  if (<u32>iy >= <u32>height) return f32x4.splat(0);
  const row = plane + (<usize>(iy * width) << 2);
  if (ix >= 0 && ix + 3 < width) return v128.load(row + (<usize>ix << 2));
  let v = f32x4.splat(0);
  if (<u32>ix < <u32>width) v = f32x4.replace_lane(v, 0, load<f32>(row + (<usize>ix << 2)));
  if (<u32>(ix + 1) < <u32>width) v = f32x4.replace_lane(v, 1, load<f32>(row + (<usize>(ix + 1) << 2)));
  if (<u32>(ix + 2) < <u32>width) v = f32x4.replace_lane(v, 2, load<f32>(row + (<usize>(ix + 2) << 2)));
  if (<u32>(ix + 3) < <u32>width) v = f32x4.replace_lane(v, 3, load<f32>(row + (<usize>(ix + 3) << 2)));
  return v;
}

/** Tap `t` of the panel's decoded table for four pixels starting at input (baseY, baseX). */
// @ts-ignore: decorator
@inline function tapRun4(taps: usize, t: i32, image: usize, baseY: i32, baseX: i32, height: i32, width: i32): v128 {
  const entry = taps + (<usize>t << 4);
  if (load<i32>(entry, 12) == 0) return f32x4.splat(0); // a padding column of the panel
  return loadRun4(image + (<usize>load<i32>(entry) << 2), baseY + load<i32>(entry, 4), baseX + load<i32>(entry, 8), height, width);
}

/**
 * Packs one 8-column B panel of im2col(x)ᵀ over the batch: rows p = n·plane + pixel in
 * [p0, p0 + kc), columns taps q in [q0, q0 + count) (the rest zero). Runs of four pixels in one
 * output row (stride 1) load four inputs per tap and go through two 4×4 transposes; `taps` is
 * 128 bytes of scratch for the panel's decoded taps.
 */
export function packIm2colTransposedPanel(conv: usize, x: usize, p0: i32, kc: i32, q0: i32, count: i32, panel: usize, taps: usize): void {
  const height = load<i32>(conv, HEIGHT);
  const width = load<i32>(conv, WIDTH);
  const kernelH = load<i32>(conv, KERNEL_H);
  const kernelW = load<i32>(conv, KERNEL_W);
  const strideH = load<i32>(conv, STRIDE_H);
  const strideW = load<i32>(conv, STRIDE_W);
  const padTop = load<i32>(conv, PAD_TOP);
  const padLeft = load<i32>(conv, PAD_LEFT);
  const dilationH = load<i32>(conv, DILATION_H);
  const dilationW = load<i32>(conv, DILATION_W);
  const outW = load<i32>(conv, OUT_W);
  const plane = load<i32>(conv, PLANE);
  const imageStride = <usize>load<i32>(conv, IMAGE_STRIDE);
  // Decode the panel's eight taps once: channel plane offset, row shift, column shift, in use.
  let c = q0 / (kernelH * kernelW);
  const rest = q0 - c * kernelH * kernelW;
  let ky = rest / kernelW;
  let kx = rest - ky * kernelW;
  for (let t = 0; t < 8; t++) {
    const entry = taps + (<usize>t << 4);
    store<i32>(entry, c * height * width);
    store<i32>(entry, ky * dilationH, 4);
    store<i32>(entry, kx * dilationW, 8);
    store<i32>(entry, t < count ? 1 : 0, 12);
    if (++kx == kernelW) {
      kx = 0;
      if (++ky == kernelH) {
        ky = 0;
        c++;
      }
    }
  }
  let n = p0 / plane;
  let pixel = p0 - n * plane;
  let oy = pixel / outW;
  let ox = pixel - oy * outW;
  let p = 0;
  while (p < kc) {
    const target = panel + (<usize>p << 5);
    const image = x + ((<usize>n * imageStride) << 2);
    const baseY = oy * strideH - padTop;
    const baseX = ox * strideW - padLeft;
    if (strideW == 1 && p + 4 <= kc && ox + 4 <= outW) {
      const v0 = tapRun4(taps, 0, image, baseY, baseX, height, width);
      const v1 = tapRun4(taps, 1, image, baseY, baseX, height, width);
      const v2 = tapRun4(taps, 2, image, baseY, baseX, height, width);
      const v3 = tapRun4(taps, 3, image, baseY, baseX, height, width);
      const v4 = tapRun4(taps, 4, image, baseY, baseX, height, width);
      const v5 = tapRun4(taps, 5, image, baseY, baseX, height, width);
      const v6 = tapRun4(taps, 6, image, baseY, baseX, height, width);
      const v7 = tapRun4(taps, 7, image, baseY, baseX, height, width);
      storeTransposed4(v0, v1, v2, v3, target, 32);
      storeTransposed4(v4, v5, v6, v7, target + 16, 32);
      p += 4;
      ox += 4;
    } else {
      for (let t = 0; t < 8; t++) {
        const entry = taps + (<usize>t << 4);
        let value: f32 = 0;
        const iy = baseY + load<i32>(entry, 4);
        const ix = baseX + load<i32>(entry, 8);
        if (load<i32>(entry, 12) != 0 && <u32>iy < <u32>height && <u32>ix < <u32>width) {
          value = load<f32>(image + (<usize>(load<i32>(entry) + iy * width + ix) << 2));
        }
        store<f32>(target + (<usize>t << 2), value);
      }
      p++;
      ox++;
    }
    if (ox == outW) {
      ox = 0;
      if (++oy * outW == plane) {
        oy = 0;
        n++;
      }
    }
  }
}

/** Stores the 4×4 transpose of rows r0…r3 as four rows of `pitch` bytes at `target`. */
// @ts-ignore: decorator
@inline export function storeTransposed4(r0: v128, r1: v128, r2: v128, r3: v128, target: usize, pitch: usize): void {
  const a = i32x4.shuffle(r0, r1, 0, 4, 1, 5);
  const b = i32x4.shuffle(r2, r3, 0, 4, 1, 5);
  const c = i32x4.shuffle(r0, r1, 2, 6, 3, 7);
  const d = i32x4.shuffle(r2, r3, 2, 6, 3, 7);
  v128.store(target, i64x2.shuffle(a, b, 0, 2));
  v128.store(target + pitch, i64x2.shuffle(a, b, 1, 3));
  v128.store(target + 2 * pitch, i64x2.shuffle(c, d, 0, 2));
  v128.store(target + 3 * pitch, i64x2.shuffle(c, d, 1, 3));
}
