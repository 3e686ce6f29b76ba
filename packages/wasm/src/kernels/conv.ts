import { type Conv2dAttrs, type KernelTensor, UnsupportedOpError } from '@nagare/tensor';
import { type KernelContext, pointerOf, type WasmKernel } from './context';
import { A_CHANNELS, B_IM2COL_T, runGemm } from './gemm-params';

/** Output pixels per forward tile: long enough for the GEMM, short enough to share among threads. */
const FORWARD_CHUNK = 1024;
/** Floats of the column buffer the input gradient goes through (per thread). */
const COLUMN_BUDGET = 1 << 18;
/** Where the GEMM block goes when the conv block occupies the start of the parameter area. */
const GEMM_PARAMS_OFFSET = 128;

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
    const chunk = Math.min(y.shape[2] * y.shape[3], FORWARD_CHUNK);
    const pointers: [number, number, number] = [pointerOf(x), pointerOf(w), pointerOf(y)];
    const { depth, plane } = writeConvParams(context, x.shape, w.shape, y.shape, attrs, pointers, chunk);
    if (x.dtype === 'float64') {
      context.tasks.run('conv2dF64', x.shape[0], (y.size / x.shape[0]) * depth * 2, 0, 0, context.params);
      return;
    }
    const tiles = x.shape[0] * attrs.groups * Math.ceil(plane / chunk);
    const og = w.shape[0] / attrs.groups;
    context.tasks.run(
      'conv2dForward',
      tiles,
      2 * og * depth * chunk,
      64 + context.gemmScratchBytes,
      context.params,
    );
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
    // dW_g[o, q] = Σ over (image, pixel) of dy[image, o, pixel] · im2col(x)[q, pixel]: one GEMM per
    // group whose depth runs over the whole batch.
    const og = outChannels / attrs.groups;
    const cg = inChannels / attrs.groups;
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
