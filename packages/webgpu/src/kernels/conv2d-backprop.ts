import { bufferOf, type WebGPUKernel } from './context';
import { CONV_GEOMETRY, convSizes, IM2COL, pushConvGeometry } from './conv2d';
import { type GemmSpec, gemmPlan, gemmShader } from './tiled-gemm';
import { storage } from './wgsl';

// Both gradients are gathers, so every output element is written by one thread, in a fixed
// order, without atomics: dx as wᵀ · (dy read through the window map), dw as dy · im2col(x)ᵀ.

/**
 * dx[image, group·cg + c, pos] = Σ_q w[group·og + o, c, ki, kj] · dy[image, group·og + o, oh, ow] over
 * q = (o, ki, kj), where (oh, ow) is the output whose window puts tap (ki, kj) on input position pos
 * (none when the position falls between strides or outside the output).
 */
const BACKPROP_INPUT: GemmSpec = {
  type: 'f32',
  declarations: [
    storage(1, 'dy', 'float32', 'read'),
    storage(2, 'w', 'float32', 'read'),
    storage(3, 'dx', 'float32', 'read_write'),
    CONV_GEOMETRY,
    'var<private> image: u32;',
    'var<private> group: u32;',
  ],
  setup: 'image = batch / groups();\n  group = batch % groups();',
  loadA: `let taps = kh() * kw();
  return w[((group * og() + k / taps) * cg() + row) * taps + k % taps];`,
  // A column is an input position; its (row + padTop, column + padLeft) is where taps count from.
  columnType: 'vec2<i32>',
  column: 'return vec2<i32>(i32(col / W()) + padTop(), i32(col % W()) + padLeft());',
  loadB: `let taps = kh() * kw();
  let th = c.x - i32(((k % taps) / kw()) * dilationH());
  let tw = c.y - i32((k % kw()) * dilationW());
  if (th < 0 || tw < 0 || u32(th) % strideH() != 0u || u32(tw) % strideW() != 0u) { return 0.0; }
  let oh = u32(th) / strideH();
  let ow = u32(tw) / strideW();
  if (oh >= outH() || ow >= outW()) { return 0.0; }
  return dy[((image * O() + group * og() + k / taps) * outH() + oh) * outW() + ow];`,
  store: 'dx[(image * C() + group * cg() + row) * pu(1u) + col] = value;',
};

/** conv2dBackpropInput (float32): the gradient of conv2d with respect to its input. */
export const conv2dBackpropInputKernel: WebGPUKernel<'conv2dBackpropInput'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [dy, w], attrs, [dx]) {
    const s = convSizes(dx.shape, w.shape, dy.shape, attrs.groups);
    const og = s.o / s.groups;
    const { shape, params, workgroups } = gemmPlan(s.cg, s.h * s.w, og * s.kh * s.kw, s.n * s.groups);
    context.dispatch({
      source: gemmShader(BACKPROP_INPUT, shape),
      buffers: [bufferOf(dy), bufferOf(w), bufferOf(dx)],
      params: pushConvGeometry(params, s, attrs),
      workgroups,
    });
  },
};

/** dw[group·og + o, p] = Σ_(image, j) dy[image, group·og + o, j] · im2col(image, group, p, j); batch = group. */
const BACKPROP_FILTER: GemmSpec = {
  type: 'f32',
  declarations: [
    storage(1, 'x', 'float32', 'read'),
    storage(2, 'dy', 'float32', 'read'),
    storage(3, 'dw', 'float32', 'read_write'),
    CONV_GEOMETRY,
    IM2COL,
  ],
  setup: '',
  loadA: `let positions = outH() * outW();
  return dy[((k / positions) * O() + batch * og() + row) * positions + k % positions];`,
  // A column is a filter tap: its channel and its offsets from each window's origin.
  columnType: 'vec3<u32>',
  column: `let taps = kh() * kw();
  return vec3<u32>(col / taps, ((col % taps) / kw()) * dilationH(), (col % kw()) * dilationW());`,
  loadB: `let positions = outH() * outW();
  let origin = windowOrigin(k % positions);
  let ih = origin.x + i32(c.y);
  let iw = origin.y + i32(c.z);
  if (ih < 0 || ih >= i32(H()) || iw < 0 || iw >= i32(W())) { return 0.0; }
  return x[(((k / positions) * C() + batch * cg() + c.x) * H() + u32(ih)) * W() + u32(iw)];`,
  store: 'dw[(batch * og() + row) * pu(1u) + col] = value;',
};

/** conv2dBackpropFilter (float32): the gradient of conv2d with respect to its filter, summed over the batch. */
export const conv2dBackpropFilterKernel: WebGPUKernel<'conv2dBackpropFilter'> = {
  supports: (dtype) => dtype === 'float32',
  run(context, [x, dy], attrs, [dw]) {
    const s = convSizes(x.shape, dw.shape, dy.shape, attrs.groups);
    const og = s.o / s.groups;
    const { shape, params, workgroups } = gemmPlan(og, s.cg * s.kh * s.kw, s.n * s.outH * s.outW, s.groups);
    context.dispatch({
      source: gemmShader(BACKPROP_FILTER, shape),
      buffers: [bufferOf(x), bufferOf(dy), bufferOf(dw)],
      params: pushConvGeometry(params, s, attrs),
      workgroups,
    });
  },
};
