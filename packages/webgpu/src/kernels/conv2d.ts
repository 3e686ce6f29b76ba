import type { Conv2dAttrs, Shape } from '@nagare/tensor';
import type { Params } from '../runtime/params';
import { bufferOf, type WebGPUKernel } from './context';
import { GEMM_PARAM_WORDS, type GemmSpec, gemmPlan, gemmShader } from './tiled-gemm';
import { storage } from './wgsl';

// Convolutions run as implicit GEMMs on the tiled GEMM shader: the column matrix of im2col is
// never stored, its entries are read from x (or dy) as the tiles are loaded.

/** Sizes of one convolution: x is [n, c, h, w], w is [o, cg, kh, kw], y is [n, o, outH, outW]. */
export interface ConvSizes {
  n: number;
  c: number;
  h: number;
  w: number;
  o: number;
  cg: number;
  kh: number;
  kw: number;
  outH: number;
  outW: number;
  groups: number;
}

/** Reads the sizes from the input, filter and output shapes. */
export function convSizes(xShape: Shape, wShape: Shape, yShape: Shape, groups: number): ConvSizes {
  const [n, c, h, w] = xShape;
  const [o, cg, kh, kw] = wShape;
  return { n, c, h, w, o, cg, kh, kw, outH: yShape[2], outW: yShape[3], groups };
}

/** Appends the geometry words every convolution shader reads through `CONV_GEOMETRY`. */
export function pushConvGeometry(params: Params, s: ConvSizes, attrs: Conv2dAttrs): Params {
  params.u32(s.c, s.h, s.w, s.o, s.outH, s.outW, s.kh, s.kw, attrs.stride[0], attrs.stride[1]);
  params.i32(attrs.padding[0], attrs.padding[2]);
  return params.u32(attrs.dilation[0], attrs.dilation[1], s.groups, s.cg, s.o / s.groups);
}

const G = GEMM_PARAM_WORDS;

/** WGSL accessors of the geometry words (`pushConvGeometry`). */
export const CONV_GEOMETRY = /* wgsl */ `
fn C() -> u32 { return pu(${G}u); }
fn H() -> u32 { return pu(${G + 1}u); }
fn W() -> u32 { return pu(${G + 2}u); }
fn O() -> u32 { return pu(${G + 3}u); }
fn outH() -> u32 { return pu(${G + 4}u); }
fn outW() -> u32 { return pu(${G + 5}u); }
fn kh() -> u32 { return pu(${G + 6}u); }
fn kw() -> u32 { return pu(${G + 7}u); }
fn strideH() -> u32 { return pu(${G + 8}u); }
fn strideW() -> u32 { return pu(${G + 9}u); }
fn padTop() -> i32 { return pi(${G + 10}u); }
fn padLeft() -> i32 { return pi(${G + 11}u); }
fn dilationH() -> u32 { return pu(${G + 12}u); }
fn dilationW() -> u32 { return pu(${G + 13}u); }
fn groups() -> u32 { return pu(${G + 14}u); }
fn cg() -> u32 { return pu(${G + 15}u); }
fn og() -> u32 { return pu(${G + 16}u); }
`;

/**
 * `im2col(image, group, p, origin)`: tap p (channel, ki, kj of the group) of the output position
 * whose window starts at input (row, column) `origin`, read from x; 0 in the padding.
 */
export const IM2COL = /* wgsl */ `
fn windowOrigin(j: u32) -> vec2<i32> {
  return vec2<i32>(i32((j / outW()) * strideH()) - padTop(), i32((j % outW()) * strideW()) - padLeft());
}
fn im2col(image: u32, group: u32, p: u32, origin: vec2<i32>) -> f32 {
  let taps = kh() * kw();
  let channel = p / taps;
  let ih = origin.x + i32(((p % taps) / kw()) * dilationH());
  let iw = origin.y + i32((p % kw()) * dilationW());
  if (ih < 0 || ih >= i32(H()) || iw < 0 || iw >= i32(W())) { return 0.0; }
  return x[((image * C() + group * cg() + channel) * H() + u32(ih)) * W() + u32(iw)];
}
`;

// y[image, group·og + o, j] = Σ_p w[group·og + o, p] · im2col(image, group, p, j); batch = (image, group).
const CONV2D: GemmSpec = {
  type: 'f32',
  declarations: [
    storage(1, 'x', 'float32', 'read'),
    storage(2, 'w', 'float32', 'read'),
    storage(3, 'y', 'float32', 'read_write'),
    CONV_GEOMETRY,
    IM2COL,
    'var<private> image: u32;',
    'var<private> group: u32;',
  ],
  setup: 'image = batch / groups();\n  group = batch % groups();',
  // K (word 2) is cg·kh·kw: one filter's length.
  loadA: 'return w[(group * og() + row) * pu(2u) + k];',
  columnType: 'vec2<i32>',
  column: 'return windowOrigin(col);',
  loadB: 'return im2col(image, group, k, c);',
  store: 'y[(image * O() + group * og() + row) * pu(1u) + col] = value;',
};

/** conv2d (float32), all strides, paddings, dilations and groups, as an implicit GEMM per image and group. */
export const conv2dKernel: WebGPUKernel<'conv2d'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [x, w], attrs, [y]) {
    const s = convSizes(x.shape, w.shape, y.shape, attrs.groups);
    const og = s.o / s.groups;
    const { shape, params, workgroups } = gemmPlan(og, s.outH * s.outW, s.cg * s.kh * s.kw, s.n * s.groups);
    context.dispatch({
      source: gemmShader(CONV2D, shape),
      buffers: [bufferOf(x), bufferOf(w), bufferOf(y)],
      params: pushConvGeometry(params, s, attrs),
      workgroups,
    });
  },
};
