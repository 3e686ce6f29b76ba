import type { Conv2dAttrs } from '../../../op-attrs';
import type { Shape, TypedArray } from '../../../types';

/** First output position o with o·stride + offset ≥ 0 (the window tap lands inside the input). */
export function firstInside(offset: number, stride: number): number {
  return offset >= 0 ? 0 : Math.ceil(-offset / stride);
}

/** One past the last output position (capped at `outLength`) whose tap o·stride + offset < inLength. */
export function endInside(offset: number, stride: number, inLength: number, outLength: number): number {
  const last = inLength - 1 - offset;
  return last < 0 ? 0 : Math.min(outLength, Math.floor(last / stride) + 1);
}

/** Sizes of one conv2d call, read once from the shapes so the loops see plain numbers. */
export interface ConvGeometry {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  kh: number;
  kw: number;
  outH: number;
  outW: number;
  groups: number;
  /** Input channels per group. */
  cg: number;
  /** Output channels per group. */
  og: number;
  /** Rows of the column matrix: cg·kh·kw. */
  k: number;
  /** Output rows per chunk, so the column matrix stays about COLUMN_BUDGET elements. */
  chunkRows: number;
  /** The k kernel taps, in the order of the column matrix's rows. */
  taps: ConvTap[];
  attrs: Conv2dAttrs;
}

/** One kernel tap: input channel `channel` of the group at kernel position (ki, kj). */
export interface ConvTap {
  channel: number;
  /** Output row oh reads input row oh·strideH + offsetH. */
  offsetH: number;
  /** Output column ow reads input column ow·strideW + offsetW. */
  offsetW: number;
  /** Output columns [first, end) read inside the input; the others read the left or right padding. */
  first: number;
  end: number;
}

// ~1 MB of float64 columns: small enough to stay in cache while every output channel of the group
// sweeps over it, large enough that the inner loops are long.
const COLUMN_BUDGET = 1 << 17;

/** Reads the geometry of a convolution of `xShape` by `wShape` producing `yShape`. */
export function convGeometry(xShape: Shape, wShape: Shape, yShape: Shape, attrs: Conv2dAttrs): ConvGeometry {
  const [n, c, h, w] = xShape;
  const [o, cg, kh, kw] = wShape;
  const [outH, outW] = [yShape[2], yShape[3]];
  const k = cg * kh * kw;
  const chunkRows = Math.max(1, Math.min(outH, Math.floor(COLUMN_BUDGET / Math.max(1, k * outW))));
  return {
    n,
    c,
    h,
    w,
    o,
    kh,
    kw,
    outH,
    outW,
    groups: attrs.groups,
    cg,
    og: o / attrs.groups,
    k,
    chunkRows,
    taps: convTaps(cg, kh, kw, w, outW, attrs),
    attrs,
  };
}

// Each tap's offsets and in-bounds columns, worked out once per call rather than per row chunk.
function convTaps(
  cg: number,
  kh: number,
  kw: number,
  w: number,
  outW: number,
  attrs: Conv2dAttrs,
): ConvTap[] {
  const [strideW, dilationH, dilationW] = [attrs.stride[1], attrs.dilation[0], attrs.dilation[1]];
  const [padTop, , padLeft] = attrs.padding;
  const taps: ConvTap[] = [];
  for (let channel = 0; channel < cg; channel++) {
    for (let ki = 0; ki < kh; ki++) {
      for (let kj = 0; kj < kw; kj++) {
        const offsetW = kj * dilationW - padLeft;
        const first = firstInside(offsetW, strideW);
        const end = Math.max(first, endInside(offsetW, strideW, w, outW));
        taps.push({ channel, offsetH: ki * dilationH - padTop, offsetW, first, end });
      }
    }
  }
  return taps;
}

/** A chunk of output rows of one image and channel group: the unit every conv2d kernel works on. */
export interface ConvChunk {
  rowStart: number;
  rowEnd: number;
  /** Output positions in the chunk: (rowEnd − rowStart)·outW. */
  width: number;
  /** The group's first output channel. */
  firstChannel: number;
  /** Where the group's first input channel of this image starts in x (and dx). */
  inputOffset: number;
  /** Where row `rowStart` of the group's first output channel of this image starts in y (and dy). */
  outputOffset: number;
}

/** The chunks of a convolution, image by image, group by group, rows top to bottom. */
export function* convChunks(g: ConvGeometry): Generator<ConvChunk> {
  const { n, c, h, w, o, og, outH, outW, chunkRows } = g;
  for (let image = 0; image < n; image++) {
    for (let group = 0; group < g.groups; group++) {
      for (let rowStart = 0; rowStart < outH; rowStart += chunkRows) {
        const rowEnd = Math.min(outH, rowStart + chunkRows);
        yield {
          rowStart,
          rowEnd,
          width: (rowEnd - rowStart) * outW,
          firstChannel: group * og,
          inputOffset: (image * c + group * g.cg) * h * w,
          outputOffset: ((image * o + group * og) * outH + rowStart) * outW,
        };
      }
    }
  }
}

/** A column matrix big enough for the largest chunk. */
export function columnMatrix(g: ConvGeometry): Float64Array {
  return new Float64Array(g.k * g.chunkRows * g.outW);
}

/**
 * Copies the receptive fields of output rows [rowStart, rowEnd) of one channel group into `cols`,
 * laid out [k, (rowEnd − rowStart)·outW]: row p holds tap p for every output position. Taps in the
 * padding read as 0. `xOffset` is the group's first input channel.
 */
export function im2col(
  x: TypedArray,
  xOffset: number,
  g: ConvGeometry,
  rowStart: number,
  rowEnd: number,
  cols: Float64Array,
): void {
  const { h, w, outW, taps } = g;
  const [strideH, strideW] = g.attrs.stride;
  const width = (rowEnd - rowStart) * outW;
  for (let p = 0; p < taps.length; p++) {
    const { channel, offsetH, offsetW, first, end } = taps[p];
    for (let oh = rowStart; oh < rowEnd; oh++) {
      const dst = p * width + (oh - rowStart) * outW;
      const ih = oh * strideH + offsetH;
      if (ih < 0 || ih >= h) {
        cols.fill(0, dst, dst + outW);
        continue;
      }
      const src = xOffset + (channel * h + ih) * w + offsetW;
      cols.fill(0, dst, dst + first);
      for (let ow = first; ow < end; ow++) cols[dst + ow] = x[src + ow * strideW];
      cols.fill(0, dst + end, dst + outW);
    }
  }
}

/** The adjoint of `im2col`: adds every column entry back onto the input position it was read from. */
export function col2im(
  cols: Float64Array,
  g: ConvGeometry,
  rowStart: number,
  rowEnd: number,
  dx: Float64Array,
): void {
  const { h, w, outW, taps } = g;
  const [strideH, strideW] = g.attrs.stride;
  const width = (rowEnd - rowStart) * outW;
  for (let p = 0; p < taps.length; p++) {
    const { channel, offsetH, offsetW, first, end } = taps[p];
    for (let oh = rowStart; oh < rowEnd; oh++) {
      const ih = oh * strideH + offsetH;
      if (ih < 0 || ih >= h) continue;
      const src = p * width + (oh - rowStart) * outW;
      const dst = (channel * h + ih) * w + offsetW;
      for (let ow = first; ow < end; ow++) dx[dst + ow * strideW] += cols[src + ow];
    }
  }
}
