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
 * Writes x[c, iy, ix] (0 outside the image) for the eight output pixels starting at (oy, ox) in
 * row order, the first `count` of them, at `target`. The general path: padding or a row wrap.
 */
// @ts-ignore: decorator
@inline function tapRow(
  image: usize, c: i32, rowOffset: i32, columnOffset: i32, oy: i32, ox: i32, count: i32, target: usize,
  height: i32, width: i32, strideH: i32, strideW: i32, padTop: i32, padLeft: i32, outW: i32,
): void {
  let py = oy;
  let px = ox;
  for (let t = 0; t < 8; t++) {
    let value: f32 = 0;
    const iy = py * strideH - padTop + rowOffset;
    const ix = px * strideW - padLeft + columnOffset;
    if (t < count && <u32>iy < <u32>height && <u32>ix < <u32>width) {
      value = load<f32>(image + (<usize>((c * height + iy) * width + ix) << 2));
    }
    store<f32>(target + (<usize>t << 2), value);
    if (++px == outW) {
      px = 0;
      py++;
    }
  }
}

/**
 * Packs one 8-column B panel of im2col(x) for one image: rows q in [q0, q0 + kc), output pixels
 * [pixel, pixel + count) (the rest zero). Eight pixels in one output row with stride 1 and no
 * padding in reach are two vector loads.
 */
export function packIm2colPanel(conv: usize, x: usize, q0: i32, kc: i32, pixel: i32, count: i32, panel: usize): void {
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
  const oy = pixel / outW;
  const ox = pixel - oy * outW;
  const isOneRow = count == 8 && ox + 7 < outW && strideW == 1;
  const baseY = oy * strideH - padTop;
  const baseX = ox * strideW - padLeft;
  let c = q0 / (kernelH * kernelW);
  const rest = q0 - c * kernelH * kernelW;
  let ky = rest / kernelW;
  let kx = rest - ky * kernelW;
  for (let p = 0; p < kc; p++) {
    const target = panel + (<usize>p << 5);
    const iy = baseY + ky * dilationH;
    const ix = baseX + kx * dilationW;
    if (isOneRow && <u32>iy < <u32>height && ix >= 0 && ix + 7 < width) {
      const source = x + (<usize>((c * height + iy) * width + ix) << 2);
      v128.store(target, v128.load(source));
      v128.store(target, v128.load(source, 16), 16);
    } else {
      tapRow(x, c, ky * dilationH, kx * dilationW, oy, ox, count, target, height, width, strideH, strideW, padTop, padLeft, outW);
    }
    if (++kx == kernelW) {
      kx = 0;
      if (++ky == kernelH) {
        ky = 0;
        c++;
      }
    }
  }
}

/**
 * Packs one 8-column B panel of im2col(x)ᵀ over the batch: rows p = n·plane + pixel in
 * [p0, p0 + kc), columns taps q in [q0, q0 + count) (the rest zero).
 */
export function packIm2colTransposedPanel(conv: usize, x: usize, p0: i32, kc: i32, q0: i32, count: i32, panel: usize): void {
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
  // The panel's first tap, decoded once; every row walks its eight taps from there.
  const c = q0 / (kernelH * kernelW);
  const rest = q0 - c * kernelH * kernelW;
  const ky = rest / kernelW;
  const kx = rest - ky * kernelW;
  let n = p0 / plane;
  let pixel = p0 - n * plane;
  let oy = pixel / outW;
  let ox = pixel - oy * outW;
  for (let p = 0; p < kc; p++) {
    const target = panel + (<usize>p << 5);
    const image = x + ((<usize>n * imageStride) << 2);
    let tc = c;
    let ty = ky;
    let tx = kx;
    const baseY = oy * strideH - padTop;
    const baseX = ox * strideW - padLeft;
    for (let t = 0; t < 8; t++) {
      let value: f32 = 0;
      const iy = baseY + ty * dilationH;
      const ix = baseX + tx * dilationW;
      if (t < count && <u32>iy < <u32>height && <u32>ix < <u32>width) {
        value = load<f32>(image + (<usize>((tc * height + iy) * width + ix) << 2));
      }
      store<f32>(target + (<usize>t << 2), value);
      if (++tx == kernelW) {
        tx = 0;
        if (++ty == kernelH) {
          ty = 0;
          tc++;
        }
      }
    }
    if (++ox == outW) {
      ox = 0;
      if (++oy * outW == plane) {
        oy = 0;
        n++;
      }
    }
  }
}
