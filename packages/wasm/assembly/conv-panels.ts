// float32 convolution as "padded rows → 8-pixel panels → micro-kernel". A tile (image, group,
// block of output rows) first copies the input rows it reads into a zero-padded buffer, so no tap
// ever needs a bounds check; each 8-pixel run of one output row is then packed as a B panel (with
// stride 1: two vector loads per tap) and multiplied by every 4-row panel of the filter, which is
// packed once per group and thread. The micro-kernel writes straight into the output rows.
// Forward convolutions of any stride and dilation run here; so does the input gradient of a
// stride-1 convolution, which is itself a stride-1 convolution of dy with the filter transposed
// and flipped (FILTER_MODE 1). Every output element is one micro-kernel sum over the same depth
// slices whatever the tile or thread split, so results are bit-identical for any thread count.
import { packA, A_DENSE } from './gemm/pack';
import { directKernel, directKernel2, panelKernel, panelKernel2 } from './conv-panel-kernels';
import { MR, NR } from './gemm/micro-kernel';

// Byte offsets of the int32 fields of a panel-conv parameter block (written by src/kernels/conv.ts).
export const IN_CHANNELS = 0; // channels per group of the input read (dy in mode 1)
export const IN_H = 4;
export const IN_W = 8;
export const KERNEL_H = 12;
export const KERNEL_W = 16;
export const STRIDE_H = 20;
export const STRIDE_W = 24;
export const PAD_TOP = 28; // may be negative (mode 1 with a large forward padding)
export const PAD_LEFT = 32;
export const DILATION_H = 36;
export const DILATION_W = 40;
export const OUT_H = 44;
export const OUT_W = 48;
export const GROUPS = 52;
export const OUT_CHANNELS = 56; // output channels per group: rows of the filter matrix
export const X = 60;
export const W = 64;
export const Y = 68;
export const FILTER_MODE = 72; // 0: w is [groups·OUT_CHANNELS, IN_CHANNELS, kh, kw]; 1: see packFlipped
export const ROWS_PER_BLOCK = 76;
export const ROW_BLOCKS = 80;
export const PADDED_WIDTH = 84; // floats per row of the padded buffer
export const PADDED_ROWS = 88; // rows per channel of the padded buffer
export const SLICE = 92; // depth per slice (the last may be shorter)
export const DIRECT = 96; // 1: stride 1 and few filter rows, so panels are read in place (directKernel)

/** Output pixels per B panel (the micro-kernel's width). */
const PANEL = NR;

// @ts-ignore: decorator
@inline function depthOf(p: usize): i32 {
  return load<i32>(p, IN_CHANNELS) * load<i32>(p, KERNEL_H) * load<i32>(p, KERNEL_W);
}

// @ts-ignore: decorator
@inline function aPanelsOf(p: usize): i32 {
  return (load<i32>(p, OUT_CHANNELS) + MR - 1) / MR;
}

// @ts-ignore: decorator
@inline function slicesOf(p: usize): i32 {
  const slice = load<i32>(p, SLICE);
  return (depthOf(p) + slice - 1) / slice;
}

/** Bytes of the packed filter: every slice's A panels, each slice `SLICE` deep. */
// @ts-ignore: decorator
@inline function filterBytes(p: usize): usize {
  return <usize>slicesOf(p) * <usize>aPanelsOf(p) * <usize>load<i32>(p, SLICE) * (MR * 4);
}

// @ts-ignore: decorator
@inline function paddedBytes(p: usize): usize {
  const floats = <usize>load<i32>(p, IN_CHANNELS) * <usize>load<i32>(p, PADDED_ROWS) * <usize>load<i32>(p, PADDED_WIDTH);
  return ((floats + 15) & ~15) << 2;
}

/** Scratch one thread needs: packed filter, padded input rows, one B panel and a lane table. */
export function convPanelsScratchBytes(p: usize): i32 {
  return <i32>(filterBytes(p) + paddedBytes(p) + <usize>load<i32>(p, SLICE) * (PANEL * 4) + PANEL * 4 + <usize>depthOf(p) * 4);
}

/**
 * Mode 1: A[c, (o, ky, kx)] = w[g·IN_CHANNELS + o, c, kh−1−ky, kw−1−kx] for the input gradient,
 * where the forward filter is [groups·IN_CHANNELS, OUT_CHANNELS, kh, kw]. Zero-padded panels.
 */
function packFlipped(p: usize, w: usize, group: i32, q0: i32, kc: i32, ap: usize): void {
  const rows = load<i32>(p, OUT_CHANNELS);
  const kh = load<i32>(p, KERNEL_H);
  const kw = load<i32>(p, KERNEL_W);
  const area = kh * kw;
  const panels = aPanelsOf(p);
  const filterBase = <usize>group * <usize>load<i32>(p, IN_CHANNELS);
  for (let q = 0; q < kc; q++) {
    const tap = q0 + q;
    const o = tap / area;
    const rest = tap - o * area;
    const ky = rest / kw;
    const kx = rest - ky * kw;
    const flipped = (kh - 1 - ky) * kw + (kw - 1 - kx);
    const source = w + (((filterBase + <usize>o) * <usize>rows * <usize>area + <usize>flipped) << 2);
    for (let panel = 0; panel < panels; panel++) {
      const at = ap + ((<usize>panel * <usize>kc + <usize>q) << 4);
      for (let r = 0; r < MR; r++) {
        const row = panel * MR + r;
        store<f32>(at + (<usize>r << 2), row < rows ? load<f32>(source + (<usize>(row * area) << 2)) : 0);
      }
    }
  }
}

/** Packs the filter of `group` into A panels, slice by slice. */
function packFilter(p: usize, group: i32, ap: usize): void {
  const depth = depthOf(p);
  const rows = load<i32>(p, OUT_CHANNELS);
  const slice = load<i32>(p, SLICE);
  const w = <usize>load<i32>(p, W);
  const sliceBytes = <usize>aPanelsOf(p) * <usize>slice * (MR * 4);
  for (let q0 = 0, s = 0; q0 < depth; q0 += slice, s++) {
    const kc = min(slice, depth - q0);
    const target = ap + <usize>s * sliceBytes;
    if (load<i32>(p, FILTER_MODE) == 0) {
      const wg = w + ((<usize>group * <usize>rows * <usize>depth) << 2);
      packA(A_DENSE, wg, depth, 0, 0, aPanelsOf(p) * MR, q0, kc, rows, target);
    } else {
      packFlipped(p, w, group, q0, kc, target);
    }
  }
}

/**
 * Copies rows [iy0, iy0 + count) of every channel of one group's input into `padded` (PADDED_ROWS
 * rows of PADDED_WIDTH floats per channel), column j holding input column j − PAD_LEFT, zeros
 * outside the image.
 */
export function copyPadded(p: usize, image: usize, iy0: i32, count: i32, padded: usize): void {
  const channels = load<i32>(p, IN_CHANNELS);
  const height = load<i32>(p, IN_H);
  const width = load<i32>(p, IN_W);
  const pitch = load<i32>(p, PADDED_WIDTH);
  const rowsPerChannel = load<i32>(p, PADDED_ROWS);
  const padLeft = load<i32>(p, PAD_LEFT);
  // Columns j in [first, last) come from the input; the rest are zero.
  const first = max(0, padLeft);
  const last = min(pitch, padLeft + width);
  const rowBytes = <usize>pitch << 2;
  for (let c = 0; c < channels; c++) {
    const plane = image + (<usize>(c * height) * <usize>width << 2);
    for (let r = 0; r < count; r++) {
      const target = padded + <usize>(c * rowsPerChannel + r) * rowBytes;
      const iy = iy0 + r;
      if (<u32>iy >= <u32>height || first >= last) {
        memory.fill(target, 0, rowBytes);
        continue;
      }
      if (first > 0) memory.fill(target, 0, <usize>first << 2);
      const source = plane + (<usize>(iy * width - padLeft) << 2);
      let j = first;
      for (; j + 4 <= last; j += 4) v128.store(target + (<usize>j << 2), v128.load(source + (<usize>j << 2)));
      for (; j < last; j++) store<f32>(target + (<usize>j << 2), load<f32>(source + (<usize>j << 2)));
      if (last < pitch) memory.fill(target + (<usize>last << 2), 0, <usize>(pitch - last) << 2);
    }
  }
}

/** How packPanel finds a panel's eight pixels in the padded rows. */
const ONE_ROW = 0; // stride 1, all in one row: lane l at base + l
const TWO_ROWS = 1; // stride 1, lanes < split at base + l, the rest at next + l
const GATHER = 2; // any stride: lane l at lanes[l]

/**
 * Packs taps [q0, q0 + kc) of one panel of eight output pixels into `panel` (kc rows of eight
 * floats). Pixels run in row order across output rows, so a panel may straddle two rows.
 */
function packPanel(p: usize, padded: usize, mode: i32, base: i32, next: i32, split: i32, lanes: usize, q0: i32, kc: i32, panel: usize): void {
  const kh = load<i32>(p, KERNEL_H);
  const kw = load<i32>(p, KERNEL_W);
  const dilationH = load<i32>(p, DILATION_H);
  const dilationW = load<i32>(p, DILATION_W);
  const pitch = load<i32>(p, PADDED_WIDTH);
  const channelFloats = load<i32>(p, PADDED_ROWS) * pitch;
  let c = q0 / (kh * kw);
  const rest = q0 - c * kh * kw;
  let ky = rest / kw;
  let kx = rest - ky * kw;
  // The tap's offset from a pixel's position, in bytes.
  let rowOffset = (c * channelFloats + ky * dilationH * pitch) << 2;
  let target = panel;
  const end = panel + (<usize>kc << 5);
  const low = i32x4.gt_s(i32x4.splat(split), i32x4(0, 1, 2, 3));
  const high = i32x4.gt_s(i32x4.splat(split), i32x4(4, 5, 6, 7));
  const first = padded + (<usize>base << 2);
  const second = padded + (<usize>next << 2);
  while (target < end) {
    const offset = <usize>(rowOffset + ((kx * dilationW) << 2));
    if (mode == ONE_ROW) {
      v128.store(target, v128.load(first + offset));
      v128.store(target, v128.load(first + offset, 16), 16);
    } else if (mode == TWO_ROWS) {
      v128.store(target, v128.bitselect(v128.load(first + offset), v128.load(second + offset), low));
      v128.store(target, v128.bitselect(v128.load(first + offset, 16), v128.load(second + offset, 16), high), 16);
    } else {
      for (let t = 0; t < PANEL; t++) {
        store<f32>(target + (<usize>t << 2), load<f32>(padded + (<usize>load<i32>(lanes + (<usize>t << 2)) << 2) + offset));
      }
    }
    target += 32;
    if (++kx == kw) {
      kx = 0;
      if (++ky == kh) {
        ky = 0;
        c++;
        rowOffset = (c * channelFloats) << 2;
      } else {
        rowOffset += (dilationH * pitch) << 2;
      }
    }
  }
}

/**
 * Output rows [r0, r1) of one tile with in-place panels (DIRECT): eight pixels of one row at a
 * time, the last of a row partial. `offsets` holds every tap's byte offset in the padded rows.
 */
function directRows(p: usize, r0: i32, r1: i32, ap: usize, padded: usize, offsets: usize, outBase: usize): void {
  const rows = load<i32>(p, OUT_CHANNELS);
  const outW = load<i32>(p, OUT_W);
  const plane = <usize>load<i32>(p, OUT_H) * <usize>outW;
  const step = load<i32>(p, STRIDE_H) * load<i32>(p, PADDED_WIDTH);
  const depth = depthOf(p);
  const slice = load<i32>(p, SLICE);
  const panels = aPanelsOf(p);
  const sliceBytes = <usize>panels * <usize>slice * (MR * 4);
  const ldc = plane << 2;
  for (let oy = r0; oy < r1; oy++) {
    const row = padded + (<usize>((oy - r0) * step) << 2);
    for (let ox = 0; ox < outW; ox += PANEL) {
      const cols = min(PANEL, outW - ox);
      const base = row + (<usize>ox << 2);
      const c = outBase + ((<usize>oy * <usize>outW + <usize>ox) << 2);
      for (let q0 = 0, s = 0; q0 < depth; q0 += slice, s++) {
        const kc = min(slice, depth - q0);
        const a = ap + <usize>s * sliceBytes;
        const taps = offsets + (<usize>q0 << 2);
        for (let panel = 0; panel < panels; panel++) {
          const left = rows - panel * MR;
          const from = a + <usize>panel * <usize>kc * (MR * 4);
          const to = c + <usize>(panel * MR) * ldc;
          if (left > 2) directKernel(kc, from, base, taps, to, ldc, s > 0, left, cols);
          else directKernel2(kc, from, base, taps, to, ldc, s > 0, left, cols);
        }
      }
    }
  }
}

/**
 * Tiles [begin, end): tile t covers image t / (groups·ROW_BLOCKS), group (t / ROW_BLOCKS) %
 * groups and output rows of block t % ROW_BLOCKS. `scratch` holds convPanelsScratchBytes.
 */
export function conv2dPanels(begin: i32, end: i32, scratch: usize, p: usize): void {
  const groups = load<i32>(p, GROUPS);
  const blocks = load<i32>(p, ROW_BLOCKS);
  const rowsPerBlock = load<i32>(p, ROWS_PER_BLOCK);
  const inChannels = load<i32>(p, IN_CHANNELS);
  const rows = load<i32>(p, OUT_CHANNELS);
  const outH = load<i32>(p, OUT_H);
  const outW = load<i32>(p, OUT_W);
  const strideH = load<i32>(p, STRIDE_H);
  const strideW = load<i32>(p, STRIDE_W);
  const kernelSpan = (load<i32>(p, KERNEL_H) - 1) * load<i32>(p, DILATION_H) + 1;
  const pitch = load<i32>(p, PADDED_WIDTH);
  const depth = depthOf(p);
  const slice = load<i32>(p, SLICE);
  const panels = aPanelsOf(p);
  const sliceBytes = <usize>panels * <usize>slice * (MR * 4);
  const plane = <usize>outH * <usize>outW;
  const planeIn = <usize>load<i32>(p, IN_H) * <usize>load<i32>(p, IN_W);
  const x = <usize>load<i32>(p, X);
  const y = <usize>load<i32>(p, Y);
  const ap = scratch;
  const padded = ap + filterBytes(p);
  const bp = padded + paddedBytes(p);
  const lanes = bp + <usize>slice * (PANEL * 4);
  const offsets = lanes + PANEL * 4;
  const isDirect = load<i32>(p, DIRECT) != 0;
  if (isDirect) {
    const kh = load<i32>(p, KERNEL_H);
    const kw = load<i32>(p, KERNEL_W);
    const paddedRows = load<i32>(p, PADDED_ROWS);
    for (let c = 0, q = 0; c < inChannels; c++) {
      for (let ky = 0; ky < kh; ky++) {
        for (let kx = 0; kx < kw; kx++, q++) {
          const at = (c * paddedRows + ky * load<i32>(p, DILATION_H)) * pitch + kx * load<i32>(p, DILATION_W);
          store<i32>(offsets + (<usize>q << 2), at << 2);
        }
      }
    }
  }
  const ldc = plane << 2;
  let packedGroup = -1;
  for (let t = begin; t < end; t++) {
    const image = <usize>(t / (groups * blocks));
    const group = (t / blocks) % groups;
    const r0 = (t % blocks) * rowsPerBlock;
    const r1 = min(r0 + rowsPerBlock, outH);
    if (group != packedGroup) {
      packFilter(p, group, ap);
      packedGroup = group;
    }
    const source = x + (((image * <usize>groups + <usize>group) * <usize>inChannels * planeIn) << 2);
    copyPadded(p, source, r0 * strideH - load<i32>(p, PAD_TOP), (r1 - r0 - 1) * strideH + kernelSpan, padded);
    const outBase = y + (((image * <usize>groups + <usize>group) * <usize>rows * plane) << 2);
    if (isDirect) {
      directRows(p, r0, r1, ap, padded, offsets, outBase);
      continue;
    }
    // Panels of eight pixels in row order over the block's rows: C columns are contiguous.
    const last = r1 * outW;
    let oy = r0;
    let ox = 0;
    for (let j = r0 * outW; j < last; j += PANEL) {
      const count = min(PANEL, last - j);
      const base = (oy - r0) * strideH * pitch + ox * strideW;
      let mode = GATHER;
      let next = 0;
      let split = PANEL;
      if (strideW == 1 && count <= outW - ox) {
        mode = ONE_ROW;
      } else if (strideW == 1 && outW >= PANEL) {
        mode = TWO_ROWS;
        split = outW - ox;
        next = (oy + 1 - r0) * strideH * pitch - split;
      } else {
        // Narrow rows or a wider stride: each lane's position (past `count`: the last pixel's).
        let py = oy;
        let px = ox;
        for (let l = 0; l < PANEL; l++) {
          store<i32>(lanes + (<usize>l << 2), (py - r0) * strideH * pitch + px * strideW);
          if (l + 1 < count && ++px == outW) {
            px = 0;
            py++;
          }
        }
      }
      const c = outBase + (<usize>j << 2);
      for (let q0 = 0, s = 0; q0 < depth; q0 += slice, s++) {
        const kc = min(slice, depth - q0);
        packPanel(p, padded, mode, base, next, split, lanes, q0, kc, bp);
        const a = ap + <usize>s * sliceBytes;
        for (let panel = 0; panel < panels; panel++) {
          const left = rows - panel * MR;
          const from = a + <usize>panel * <usize>kc * (MR * 4);
          const to = c + <usize>(panel * MR) * ldc;
          if (left > 2) panelKernel(kc, from, bp, to, ldc, s > 0, left, count);
          else panelKernel2(kc, from, bp, to, ldc, s > 0, left, count);
        }
      }
      ox += PANEL;
      while (ox >= outW) {
        ox -= outW;
        oy++;
      }
    }
  }
}
