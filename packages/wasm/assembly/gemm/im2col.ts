// Reads of the im2col matrix of a convolution input without building it: row (c, ky, kx) and
// column (output pixel) of image n map to one input element, or to 0 in the padding.

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

/** im2col(x)[channelIndex, pixel] of image `image`; x points at channel 0 of the group. */
// @ts-ignore: decorator
@inline export function im2colValue(conv: usize, x: usize, image: i32, pixel: i32, channelIndex: i32): f32 {
  const kernelW = load<i32>(conv, KERNEL_W);
  const kernelArea = load<i32>(conv, KERNEL_H) * kernelW;
  const c = channelIndex / kernelArea;
  const rest = channelIndex - c * kernelArea;
  const ky = rest / kernelW;
  const kx = rest - ky * kernelW;
  const outW = load<i32>(conv, OUT_W);
  const oy = pixel / outW;
  const ox = pixel - oy * outW;
  const iy = oy * load<i32>(conv, STRIDE_H) - load<i32>(conv, PAD_TOP) + ky * load<i32>(conv, DILATION_H);
  const ix = ox * load<i32>(conv, STRIDE_W) - load<i32>(conv, PAD_LEFT) + kx * load<i32>(conv, DILATION_W);
  const height = load<i32>(conv, HEIGHT);
  const width = load<i32>(conv, WIDTH);
  if (<u32>iy >= <u32>height || <u32>ix >= <u32>width) return 0;
  const at = <usize>image * <usize>load<i32>(conv, IMAGE_STRIDE) + <usize>((c * height + iy) * width + ix);
  return load<f32>(x + (at << 2));
}

/**
 * Writes im2col(x)[channelIndex, pixel … pixel + 7] (the first `count` of them, the rest 0) to
 * `target`: one packed B row. Eight pixels in one output row read a contiguous (stride 1) or
 * strided run of one input row, so the bounds and index arithmetic is done once per run.
 */
export function im2colColumn(conv: usize, x: usize, channelIndex: i32, pixel: i32, count: i32, target: usize): void {
  const kernelW = load<i32>(conv, KERNEL_W);
  const kernelArea = load<i32>(conv, KERNEL_H) * kernelW;
  const c = channelIndex / kernelArea;
  const rest = channelIndex - c * kernelArea;
  const ky = rest / kernelW;
  const kx = rest - ky * kernelW;
  const outW = load<i32>(conv, OUT_W);
  const oy = pixel / outW;
  const ox = pixel - oy * outW;
  const strideW = load<i32>(conv, STRIDE_W);
  const height = load<i32>(conv, HEIGHT);
  const width = load<i32>(conv, WIDTH);
  const iy = oy * load<i32>(conv, STRIDE_H) - load<i32>(conv, PAD_TOP) + ky * load<i32>(conv, DILATION_H);
  const ix = ox * strideW - load<i32>(conv, PAD_LEFT) + kx * load<i32>(conv, DILATION_W);
  const row = x + (<usize>((c * height + iy) * width) << 2);
  const lastIx = ix + 7 * strideW;
  if (count == 8 && ox + 7 < outW && <u32>iy < <u32>height && ix >= 0 && lastIx < width) {
    if (strideW == 1) {
      v128.store(target, v128.load(row + (<usize>ix << 2)));
      v128.store(target, v128.load(row + (<usize>ix << 2), 16), 16);
    } else {
      for (let t = 0; t < 8; t++) store<f32>(target + (<usize>t << 2), load<f32>(row + (<usize>(ix + t * strideW) << 2)));
    }
    return;
  }
  for (let t = 0; t < 8; t++) {
    store<f32>(target + (<usize>t << 2), t < count ? im2colValue(conv, x, 0, pixel + t, channelIndex) : 0);
  }
}
