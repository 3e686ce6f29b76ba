import { type Conv2dAttrs, type KernelTensor, UnsupportedOpError } from '@nagare/tensor';
import { type KernelContext, pointerOf, type WasmKernel } from './context';
import { A_CHANNELS, B_IM2COL_T, runGemm } from './gemm-params';

/** Floats of the column buffer the input gradient goes through (per thread). */
const COLUMN_BUDGET = 1 << 18;
/** Where the GEMM block goes when the conv block occupies the start of the parameter area. */
const GEMM_PARAMS_OFFSET = 128;
/** Floats of padded input rows one panel-conv tile copies (the rest of its scratch is the filter). */
const PADDED_BUDGET = 1 << 14;
/** Depth slices of the panel conv stay under this, so a B panel stays in the L1 cache. */
const MAX_SLICE = 512;
/** Filter-gradient slices over the batch: fixed by the batch size, never by the thread count. */
const FILTER_SLICES = 8;
/** Input channels per group from which a stride-1 input gradient runs as a panel conv. */
const MIN_PANEL_ROWS = 8;
/** Filter rows up to which the panel conv reads its B panels in place instead of packing them. */
const MAX_DIRECT_ROWS = 8;
/** Output pixels per B panel of the panel conv (the micro-kernel's width). */
const PANEL = 8;

/** The geometry of one panel convolution (assembly/conv-panels.ts): a stride-1 input gradient is one too. */
interface PanelConv {
  batch: number;
  groups: number;
  inChannels: number;
  inH: number;
  inW: number;
  outChannels: number;
  outH: number;
  outW: number;
  kernel: [number, number];
  stride: [number, number];
  padding: [top: number, left: number];
  dilation: [number, number];
  pointers: [x: number, w: number, y: number];
  isFlipped: boolean;
}

/** Writes the parameter block of assembly/conv-panels.ts (also read by conv-filter.ts). */
function writePanelParams(
  context: KernelContext,
  conv: PanelConv,
  rowsPerBlock: number,
  blocks: number,
): void {
  const { kernel, stride, dilation } = conv;
  const depth = conv.inChannels * kernel[0] * kernel[1];
  const fields = [
    conv.inChannels,
    conv.inH,
    conv.inW,
    kernel[0],
    kernel[1],
    stride[0],
    stride[1],
    conv.padding[0],
    conv.padding[1],
    dilation[0],
    dilation[1],
    conv.outH,
    conv.outW,
    conv.groups,
    conv.outChannels,
    ...conv.pointers,
    conv.isFlipped ? 1 : 0,
    rowsPerBlock,
    blocks,
    paddedWidth(conv),
    (rowsPerBlock - 1) * stride[0] + (kernel[0] - 1) * dilation[0] + 1,
    Math.ceil(depth / Math.ceil(depth / MAX_SLICE)),
    stride[1] === 1 && conv.outChannels <= MAX_DIRECT_ROWS ? 1 : 0,
  ];
  context.heap.i32.set(fields, context.params >>> 2);
}

/** Floats per padded input row: every tap of 8 pixels from any output column lies inside. */
function paddedWidth({ kernel, stride, dilation, outW }: PanelConv): number {
  return (outW + PANEL - 1) * stride[1] + (kernel[1] - 1) * dilation[1] + 1;
}

/**
 * Runs assembly/conv-panels.ts: tiles of (image, group, block of output rows), the blocks sized
 * so a tile's padded input rows stay in the L2 cache and every thread gets several tiles.
 */
function runPanelConv(context: KernelContext, conv: PanelConv): void {
  const { kernel, stride, dilation, outH, outW } = conv;
  const span = (kernel[0] - 1) * dilation[0] + 1;
  const fitting = Math.floor((PADDED_BUDGET / (conv.inChannels * paddedWidth(conv)) - span) / stride[0]) + 1;
  let blocks = Math.ceil(outH / Math.max(1, Math.min(outH, fitting)));
  while (conv.batch * conv.groups * blocks < 4 * context.tasks.threads && blocks < outH) blocks *= 2;
  const rowsPerBlock = Math.ceil(outH / Math.min(blocks, outH));
  blocks = Math.ceil(outH / rowsPerBlock);
  writePanelParams(context, conv, rowsPerBlock, blocks);
  const scratch = context.exports.convPanelsScratchBytes(context.params);
  const tiles = conv.batch * conv.groups * blocks;
  const cost = 2 * conv.outChannels * conv.inChannels * kernel[0] * kernel[1] * rowsPerBlock * outW;
  context.tasks.run('conv2dPanels', tiles, cost, scratch, context.params);
}

/**
 * The filter gradient of a conv with horizontal stride 1 (assembly/conv-filter.ts) over fixed
 * slices of the batch, summed in order (sumSlices) so the thread count never changes a bit.
 */
function runFilterDirect(context: KernelContext, conv: PanelConv, dwSize: number): void {
  writePanelParams(context, conv, conv.outH, 1);
  const scratch = context.exports.convFilterScratchBytes(context.params);
  const perSlice = Math.ceil(conv.batch / Math.min(conv.batch, FILTER_SLICES));
  const slices = Math.ceil(conv.batch / perSlice);
  const partialBytes = (slices - 1) * dwSize * 4;
  const partials = partialBytes > 0 ? context.heap.allocate(partialBytes) : 0;
  try {
    const depth = conv.inChannels * conv.kernel[0] * conv.kernel[1];
    const cost = 2 * conv.groups * conv.outChannels * depth * perSlice * conv.outH * conv.outW;
    context.tasks.run(
      'conv2dFilterDirect',
      slices,
      cost,
      scratch,
      context.params,
      partials,
      perSlice,
      conv.batch,
    );
    if (slices > 1)
      context.tasks.run('sumSlices', dwSize, slices - 1, 0, conv.pointers[1], partials, slices - 1, dwSize);
  } finally {
    if (partialBytes > 0) context.heap.free(partials, partialBytes);
  }
}

/**
 * Writes the conv parameter block (assembly/gemm/im2col.ts and assembly/conv.ts) for input
 * `xShape`, filter `wShape` and output `yShape`; returns the im2col depth (channels per group ·
 * kernel area) and the output plane size.
 */
function writeConvParams(
  context: KernelContext,
  xShape: readonly number[],
  wShape: readonly number[],
  yShape: readonly number[],
  attrs: Conv2dAttrs,
  pointers: [x: number, w: number, y: number],
  chunk: number,
): { depth: number; plane: number } {
  const [n, c, h, w] = xShape;
  const [o, cg, kh, kw] = wShape;
  const [outH, outW] = [yShape[2], yShape[3]];
  const plane = outH * outW;
  const fields = [
    cg,
    h,
    w,
    kh,
    kw,
    attrs.stride[0],
    attrs.stride[1],
    attrs.padding[0],
    attrs.padding[2],
    attrs.dilation[0],
    attrs.dilation[1],
    outH,
    outW,
    c * h * w,
    plane,
    n,
    attrs.groups,
    o / attrs.groups,
    c,
    o,
    ...pointers,
    chunk,
  ];
  context.heap.i32.set(fields, context.params >>> 2);
  return { depth: cg * kh * kw, plane };
}

function checkFloat(op: string, tensor: KernelTensor): void {
  if (tensor.dtype !== 'float32' && tensor.dtype !== 'float64')
    throw new UnsupportedOpError(op, tensor.dtype, 'wasm');
}

const isFloat = (dtype: string) => dtype === 'float32' || dtype === 'float64';

export const conv2dKernel: WasmKernel<'conv2d'> = {
  supports: isFloat,
  run(context, [x, w], attrs, [y]) {
    checkFloat('conv2d', x);
    const pointers: [number, number, number] = [pointerOf(x), pointerOf(w), pointerOf(y)];
    if (x.dtype === 'float64') {
      const { depth } = writeConvParams(context, x.shape, w.shape, y.shape, attrs, pointers, 0);
      context.tasks.run('conv2dF64', x.shape[0], (y.size / x.shape[0]) * depth * 2, 0, 0, context.params);
      return;
    }
    runPanelConv(context, {
      batch: x.shape[0],
      groups: attrs.groups,
      inChannels: w.shape[1],
      inH: x.shape[2],
      inW: x.shape[3],
      outChannels: w.shape[0] / attrs.groups,
      outH: y.shape[2],
      outW: y.shape[3],
      kernel: [w.shape[2], w.shape[3]],
      stride: [attrs.stride[0], attrs.stride[1]],
      padding: [attrs.padding[0], attrs.padding[2]],
      dilation: [attrs.dilation[0], attrs.dilation[1]],
      pointers,
      isFlipped: false,
    });
  },
};

export const conv2dBackpropInputKernel: WasmKernel<'conv2dBackpropInput'> = {
  supports: isFloat,
  run(context, [dy, w], attrs, [dx]) {
    checkFloat('conv2dBackpropInput', dy);
    const plane = dy.shape[2] * dy.shape[3];
    const depth = w.shape[1] * w.shape[2] * w.shape[3];
    const chunk = Math.max(8, Math.min(plane, Math.floor(COLUMN_BUDGET / depth / 8) * 8));
    const pointers: [number, number, number] = [pointerOf(dx), pointerOf(w), pointerOf(dy)];
    writeConvParams(context, dx.shape, w.shape, dy.shape, attrs, pointers, chunk);
    const batch = dx.shape[0];
    const cost = (dy.size / batch) * depth * 2;
    if (dy.dtype === 'float64') {
      context.tasks.run('conv2dF64', batch, cost, 0, 1, context.params);
      return;
    }
    if (attrs.stride[0] === 1 && attrs.stride[1] === 1 && w.shape[1] >= MIN_PANEL_ROWS) {
      // The adjoint of a stride-1 conv is a stride-1 conv of dy with the flipped, transposed filter;
      // its filter rows are the forward's input channels, too few of which waste the 4-row panels.
      const [kh, kw] = [w.shape[2], w.shape[3]];
      runPanelConv(context, {
        batch,
        groups: attrs.groups,
        inChannels: w.shape[0] / attrs.groups,
        inH: dy.shape[2],
        inW: dy.shape[3],
        outChannels: w.shape[1],
        outH: dx.shape[2],
        outW: dx.shape[3],
        kernel: [kh, kw],
        stride: [1, 1],
        padding: [
          (kh - 1) * attrs.dilation[0] - attrs.padding[0],
          (kw - 1) * attrs.dilation[1] - attrs.padding[2],
        ],
        dilation: [attrs.dilation[0], attrs.dilation[1]],
        pointers: [pointerOf(dy), pointerOf(w), pointerOf(dx)],
        isFlipped: true,
      });
      return;
    }
    const scratch = 64 + context.gemmScratchBytes + depth * chunk * 4;
    context.tasks.run('conv2dBackpropInput', batch, cost, scratch, context.params);
  },
};

export const conv2dBackpropFilterKernel: WasmKernel<'conv2dBackpropFilter'> = {
  supports: isFloat,
  run(context, [x, dy], attrs, [dw]) {
    checkFloat('conv2dBackpropFilter', x);
    const pointers: [number, number, number] = [pointerOf(x), pointerOf(dw), pointerOf(dy)];
    const { depth, plane } = writeConvParams(context, x.shape, dw.shape, dy.shape, attrs, pointers, 0);
    const [batch, inChannels, h, width] = x.shape;
    const outChannels = dw.shape[0];
    if (x.dtype === 'float64') {
      context.tasks.run('conv2dF64', outChannels, batch * plane * depth * 2, 0, 2, context.params);
      return;
    }
    const og = outChannels / attrs.groups;
    const cg = inChannels / attrs.groups;
    if (batch === 0) {
      context.heap.zero(pointerOf(dw), dw.size * 4);
      return;
    }
    if (attrs.stride[1] === 1) {
      runFilterDirect(
        context,
        {
          batch,
          groups: attrs.groups,
          inChannels: cg,
          inH: h,
          inW: width,
          outChannels: og,
          outH: dy.shape[2],
          outW: dy.shape[3],
          kernel: [dw.shape[2], dw.shape[3]],
          stride: [attrs.stride[0], 1],
          padding: [attrs.padding[0], attrs.padding[2]],
          dilation: [attrs.dilation[0], attrs.dilation[1]],
          pointers,
          isFlipped: false,
        },
        dw.size,
      );
      return;
    }
    if (batch > 1) {
      // Fixed slices of the batch, each one GEMM per group into its own partial dW, summed in
      // order: threads take whole slices, and the sum never depends on how many there are.
      const perSlice = Math.ceil(batch / Math.min(batch, FILTER_SLICES));
      const slices = Math.ceil(batch / perSlice);
      const size = dw.size;
      const partialBytes = (slices - 1) * size * 4;
      const partials = context.heap.allocate(partialBytes);
      try {
        const cost = 2 * outChannels * depth * perSlice * plane;
        const scratch = 64 + context.gemmScratchBytes;
        context.tasks.run('conv2dFilterSlices', slices, cost, scratch, context.params, partials, perSlice);
        context.tasks.run('sumSlices', size, slices - 1, 0, pointerOf(dw), partials, slices - 1, size);
      } finally {
        context.heap.free(partials, partialBytes);
      }
      return;
    }
    // One image: dW_g[o, q] = Σ over pixels of dy[o, pixel] · im2col(x)[q, pixel], one GEMM per group.
    for (let group = 0; group < attrs.groups; group++) {
      runGemm(
        context,
        context.params + GEMM_PARAMS_OFFSET,
        A_CHANNELS,
        pointerOf(dy) + group * og * plane * 4,
        plane,
        outChannels * plane,
        B_IM2COL_T,
        pointerOf(x) + group * cg * h * width * 4,
        0,
        pointerOf(dw) + group * og * depth * 4,
        depth,
        og,
        depth,
        batch * plane,
        context.params,
        false,
      );
    }
  },
};
