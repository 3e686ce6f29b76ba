// float64 convolutions as direct loops (float64 is for checking, not speed). Same parameter block
// as conv.ts. Forward and input gradient split by images, the filter gradient by output channels.
import * as C from './conv';
import * as I from './gemm/im2col';

// @ts-ignore: decorator
@inline function inputAt(conv: usize, oy: i32, ox: i32, ky: i32, kx: i32): i32 {
  const iy = oy * load<i32>(conv, I.STRIDE_H) - load<i32>(conv, I.PAD_TOP) + ky * load<i32>(conv, I.DILATION_H);
  const ix = ox * load<i32>(conv, I.STRIDE_W) - load<i32>(conv, I.PAD_LEFT) + kx * load<i32>(conv, I.DILATION_W);
  const height = load<i32>(conv, I.HEIGHT);
  const width = load<i32>(conv, I.WIDTH);
  return <u32>iy < <u32>height && <u32>ix < <u32>width ? iy * width + ix : -1;
}

/**
 * mode 0: forward (x, w → y) over images; 1: input gradient (dy = y, w → dx = x) over images;
 * 2: filter gradient (x, dy = y → dw = w) over output channels. Tasks [begin, end).
 */
export function conv2dF64(begin: i32, end: i32, mode: i32, conv: usize): void {
  const channels = load<i32>(conv, I.CHANNELS);
  const kh = load<i32>(conv, I.KERNEL_H);
  const kw = load<i32>(conv, I.KERNEL_W);
  const outH = load<i32>(conv, I.OUT_H);
  const outW = load<i32>(conv, I.OUT_W);
  const planeIn = load<i32>(conv, I.HEIGHT) * load<i32>(conv, I.WIDTH);
  const plane = load<i32>(conv, I.PLANE);
  const og = load<i32>(conv, C.OUT_CHANNELS_PER_GROUP);
  const inChannels = load<i32>(conv, C.IN_CHANNELS);
  const outChannels = load<i32>(conv, C.OUT_CHANNELS);
  const batch = load<i32>(conv, C.BATCH);
  const x = <usize>load<i32>(conv, C.X_POINTER);
  const w = <usize>load<i32>(conv, C.W_POINTER);
  const y = <usize>load<i32>(conv, C.Y_POINTER);
  const depth = channels * kh * kw;
  for (let t = begin; t < end; t++) {
    if (mode == 1) memory.fill(x + ((<usize>t * <usize>(inChannels * planeIn)) << 3), 0, <usize>(inChannels * planeIn) << 3);
    if (mode == 2) memory.fill(w + ((<usize>t * <usize>depth) << 3), 0, <usize>depth << 3);
    const imageBegin = mode == 2 ? 0 : t;
    const imageEnd = mode == 2 ? batch : t + 1;
    const oBegin = mode == 2 ? t : 0;
    const oEnd = mode == 2 ? t + 1 : outChannels;
    for (let n = imageBegin; n < imageEnd; n++) {
      for (let o = oBegin; o < oEnd; o++) {
        const firstChannel = (o / og) * channels;
        for (let p = 0; p < plane; p++) {
          const oy = p / outW;
          const ox = p - oy * outW;
          const yAt = y + ((<usize>(n * outChannels + o) * <usize>plane + <usize>p) << 3);
          let acc: f64 = 0;
          for (let c = 0; c < channels; c++) {
            const xBase = x + ((<usize>(n * inChannels + firstChannel + c) * <usize>planeIn) << 3);
            for (let ky = 0; ky < kh; ky++) {
              for (let kx = 0; kx < kw; kx++) {
                const index = inputAt(conv, oy, ox, ky, kx);
                if (index < 0) continue;
                const wAt = w + ((<usize>(o * depth + (c * kh + ky) * kw + kx)) << 3);
                const xAt = xBase + (<usize>index << 3);
                if (mode == 0) acc += load<f64>(wAt) * load<f64>(xAt);
                else if (mode == 1) store<f64>(xAt, load<f64>(xAt) + load<f64>(wAt) * load<f64>(yAt));
                else store<f64>(wAt, load<f64>(wAt) + load<f64>(yAt) * load<f64>(xAt));
              }
            }
          }
          if (mode == 0) store<f64>(yAt, acc);
        }
      }
    }
  }
}
