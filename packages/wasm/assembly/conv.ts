// float32 convolutions on the packed GEMM, for what the panel conv (conv-panels.ts) and the direct
// filter gradient (conv-filter.ts) leave: the input gradient of a strided conv or of one with few
// input channels as col2im(Wᵀ·dy) through a column buffer, and the filter gradient of a conv with
// horizontal stride > 1 as GEMMs over fixed batch slices (a single image: one GEMM per group,
// issued from JavaScript). Work is split in pieces that never share an output element, so threads
// give results identical to one thread.
import { A_CHANNELS, A_TRANSPOSED, B_DENSE, B_IM2COL_T } from './gemm/pack';
import * as G from './gemm/gemm';
import * as I from './gemm/im2col';

// Byte offsets of the int32 fields after the im2col geometry (im2col.ts) in a conv parameter block.
export const BATCH = 60;
export const GROUPS = 64;
export const OUT_CHANNELS_PER_GROUP = 68;
export const IN_CHANNELS = 72;
export const OUT_CHANNELS = 76;
export const X_POINTER = 80;
export const W_POINTER = 84;
export const Y_POINTER = 88;
export const CHUNK = 92;

/** Bytes of a GEMM parameter block kept at the start of each thread's scratch. */
const LOCAL_PARAMS = 64;

// @ts-ignore: decorator
@inline function setGemm(local: usize, aKind: i32, a: usize, lda: i32, bKind: i32, b: usize, ldb: i32, c: usize, ldc: i32, m: i32, n: i32, k: i32, conv: usize): void {
  store<i32>(local, aKind, G.A_KIND);
  store<i32>(local, <i32>a, G.A_POINTER);
  store<i32>(local, lda, G.A_LD);
  store<i32>(local, 0, G.A_BATCH_STRIDE);
  store<i32>(local, bKind, G.B_KIND);
  store<i32>(local, <i32>b, G.B_POINTER);
  store<i32>(local, ldb, G.B_LD);
  store<i32>(local, <i32>c, G.C_POINTER);
  store<i32>(local, ldc, G.C_LD);
  store<i32>(local, m, G.M);
  store<i32>(local, n, G.N);
  store<i32>(local, k, G.K);
  store<i32>(local, 0, G.SPLIT_COLUMNS);
  store<i32>(local, <i32>conv, G.CONV);
  store<i32>(local, 0, G.ACCUMULATE);
}

/** Elements of the im2col matrix's depth: channels per group · kernel area. */
// @ts-ignore: decorator
@inline function depthOf(conv: usize): i32 {
  return load<i32>(conv, I.CHANNELS) * load<i32>(conv, I.KERNEL_H) * load<i32>(conv, I.KERNEL_W);
}

/**
 * Adds columns [first, first + count) of `columns` (depth rows, pitch `count`) back onto dx. Each
 * (tap, output row) pair touches one input row: the in-bounds span is found once, and with stride
 * 1 it is added four lanes at a time.
 */
function col2im(conv: usize, columns: usize, first: i32, count: i32, dx: usize): void {
  const kernelH = load<i32>(conv, I.KERNEL_H);
  const kernelW = load<i32>(conv, I.KERNEL_W);
  const height = load<i32>(conv, I.HEIGHT);
  const width = load<i32>(conv, I.WIDTH);
  const outW = load<i32>(conv, I.OUT_W);
  const strideH = load<i32>(conv, I.STRIDE_H);
  const strideW = load<i32>(conv, I.STRIDE_W);
  const dilationH = load<i32>(conv, I.DILATION_H);
  const dilationW = load<i32>(conv, I.DILATION_W);
  const padTop = load<i32>(conv, I.PAD_TOP);
  const padLeft = load<i32>(conv, I.PAD_LEFT);
  const channels = load<i32>(conv, I.CHANNELS);
  const last = first + count; // one past the last pixel of the chunk
  let row = columns;
  for (let c = 0; c < channels; c++) {
    for (let ky = 0; ky < kernelH; ky++) {
      const offsetH = ky * dilationH - padTop;
      for (let kx = 0; kx < kernelW; kx++) {
        const offsetW = kx * dilationW - padLeft;
        // Output columns whose tap lands inside the input row: ox·stride + offsetW in [0, width).
        const columnBegin = offsetW >= 0 ? 0 : (-offsetW + strideW - 1) / strideW;
        const columnEnd = offsetW >= width ? 0 : min(outW, (width - 1 - offsetW) / strideW + 1);
        for (let oy = first / outW; oy * outW < last; oy++) {
          const iy = oy * strideH + offsetH;
          if (<u32>iy >= <u32>height) continue;
          const rowStart = oy * outW;
          const begin = max(columnBegin, first - rowStart);
          const end = min(columnEnd, last - rowStart);
          const target = dx + (<usize>((c * height + iy) * width + offsetW) << 2);
          const source = row + (<usize>(rowStart - first) << 2);
          let ox = begin;
          if (strideW == 1) {
            for (; ox + 4 <= end; ox += 4) {
              const at = target + (<usize>ox << 2);
              v128.store(at, f32x4.add(v128.load(at), v128.load(source + (<usize>ox << 2))));
            }
          }
          for (; ox < end; ox++) {
            const at = target + (<usize>(ox * strideW) << 2);
            store<f32>(at, load<f32>(at) + load<f32>(source + (<usize>ox << 2)));
          }
        }
        row += <usize>count << 2;
      }
    }
  }
}

/**
 * conv2d input gradient for images [begin, end): per group, dx_g = col2im(W_gᵀ · dy_g), CHUNK
 * output pixels at a time through a column buffer after the GEMM scratch. Here x is dx, y is dy.
 */
export function conv2dBackpropInput(begin: i32, end: i32, scratch: usize, conv: usize): void {
  const groups = load<i32>(conv, GROUPS);
  const plane = load<i32>(conv, I.PLANE);
  const chunk = load<i32>(conv, CHUNK);
  const og = load<i32>(conv, OUT_CHANNELS_PER_GROUP);
  const depth = depthOf(conv);
  const imageIn = <usize>load<i32>(conv, I.IMAGE_STRIDE);
  const groupIn = <usize>load<i32>(conv, I.CHANNELS) * <usize>load<i32>(conv, I.HEIGHT) * <usize>load<i32>(conv, I.WIDTH);
  const outChannels = <usize>load<i32>(conv, OUT_CHANNELS);
  const dx = <usize>load<i32>(conv, X_POINTER);
  const w = <usize>load<i32>(conv, W_POINTER);
  const dy = <usize>load<i32>(conv, Y_POINTER);
  const columns = scratch + LOCAL_PARAMS + G.GEMM_SCRATCH_BYTES;
  for (let t = begin; t < end; t++) {
    const image = <usize>t;
    memory.fill(dx + ((image * imageIn) << 2), 0, imageIn << 2);
    for (let group = 0; group < groups; group++) {
      const a = w + ((<usize>group * <usize>og * <usize>depth) << 2);
      const b = dy + (((image * outChannels + <usize>group * <usize>og) * <usize>plane) << 2);
      const target = dx + ((image * imageIn + <usize>group * groupIn) << 2);
      for (let first = 0; first < plane; first += chunk) {
        const count = min(chunk, plane - first);
        // C column j lands at columns[j − first]: the GEMM addresses C by absolute column.
        const c = columns - (<usize>first << 2);
        setGemm(scratch, A_TRANSPOSED, a, depth, B_DENSE, b, plane, c, count, depth, plane, og, 0);
        G.gemmRect(scratch, 0, depth, first, first + count, scratch + LOCAL_PARAMS);
        col2im(conv, columns, first, count, target);
      }
    }
  }
}

/** Scratch bytes per thread for the conv tasks with a column buffer of `chunk` pixels. */
export function convScratchBytes(depth: i32, chunk: i32): i32 {
  return LOCAL_PARAMS + G.GEMM_SCRATCH_BYTES + depth * chunk * 4;
}

/**
 * conv2d filter gradient over slices [begin, end) of `perSlice` images each: slice s computes
 * dW_g = Σ over its images and pixels of dy · im2col(x)ᵀ for every group into `partials` + s·size
 * (slice 0 straight into dW). The slices are fixed by the batch, not by the thread count, and
 * sumSlices adds them in order, so any thread split gives the same bits.
 */
export function conv2dFilterSlices(begin: i32, end: i32, scratch: usize, conv: usize, partials: usize, perSlice: i32): void {
  const batch = load<i32>(conv, BATCH);
  const groups = load<i32>(conv, GROUPS);
  const plane = load<i32>(conv, I.PLANE);
  const og = load<i32>(conv, OUT_CHANNELS_PER_GROUP);
  const depth = depthOf(conv);
  const imageIn = <usize>load<i32>(conv, I.IMAGE_STRIDE);
  const groupIn = <usize>load<i32>(conv, I.CHANNELS) * <usize>load<i32>(conv, I.HEIGHT) * <usize>load<i32>(conv, I.WIDTH);
  const outChannels = load<i32>(conv, OUT_CHANNELS);
  const x = <usize>load<i32>(conv, X_POINTER);
  const dw = <usize>load<i32>(conv, W_POINTER);
  const dy = <usize>load<i32>(conv, Y_POINTER);
  const size = <usize>groups * <usize>og * <usize>depth;
  for (let s = begin; s < end; s++) {
    const first = s * perSlice;
    const count = min(perSlice, batch - first);
    const target = s == 0 ? dw : partials + ((<usize>(s - 1) * size) << 2);
    for (let group = 0; group < groups; group++) {
      const a = dy + (((<usize>first * <usize>outChannels + <usize>group * <usize>og) * <usize>plane) << 2);
      const b = x + ((<usize>first * imageIn + <usize>group * groupIn) << 2);
      const c = target + ((<usize>group * <usize>og * <usize>depth) << 2);
      setGemm(scratch, A_CHANNELS, a, plane, B_IM2COL_T, b, 0, c, depth, og, depth, count * plane, conv);
      store<i32>(scratch, outChannels * plane, G.A_BATCH_STRIDE);
      G.gemmRect(scratch, 0, og, 0, depth, scratch + LOCAL_PARAMS);
    }
  }
}

/** target[i] += partials[0][i] + … + partials[count − 1][i] (in that order) for i in [begin, end). */
export function sumSlices(begin: i32, end: i32, target: usize, partials: usize, count: i32, size: i32): void {
  const stride = <usize>size << 2;
  let i = begin;
  for (; i + 4 <= end; i += 4) {
    const at = target + (<usize>i << 2);
    let sum = v128.load(at);
    for (let s = 0; s < count; s++) sum = f32x4.add(sum, v128.load(partials + <usize>s * stride + (<usize>i << 2)));
    v128.store(at, sum);
  }
  for (; i < end; i++) {
    const at = target + (<usize>i << 2);
    let sum = load<f32>(at);
    for (let s = 0; s < count; s++) sum += load<f32>(partials + <usize>s * stride + (<usize>i << 2));
    store<f32>(at, sum);
  }
}
