import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/** Per spatial axis attributes of a transposed convolution. */
interface Geometry {
  stride: number[];
  dilation: number[];
  groups: number;
}

/**
 * The full 2-D transposed convolution (no padding): nagare's `conv2dBackpropInput`, the gradient
 * of conv2d with respect to its input, with the filters [Cin, Cout/groups, kh, kw] as conv2d's.
 */
function full2d(x: Tensor, w: Tensor, g: Geometry, full: number[]): Tensor {
  return nt.conv2dBackpropInput(x, w, [x.shape[0], w.shape[1] * g.groups, full[0], full[1]], {
    stride: [g.stride[0], g.stride[1]],
    padding: [0, 0, 0, 0],
    dilation: [g.dilation[0], g.dilation[1]],
    groups: g.groups,
  });
}

/**
 * The full 3-D transposed convolution from 2-D ones: input depth slice d with kernel depth tap k
 * lands at output depth d·stride + k·dilation. Each tap runs every depth slice at once (depth
 * folded into the batch), spreads the slices `stride` apart and shifts them by k·dilation.
 */
function full3d(x: Tensor, w: Tensor, g: Geometry, full: number[]): Tensor {
  const [n, inChannels, depth, height, width] = x.shape;
  const slices = nt.reshape(nt.transpose(x, [0, 2, 1, 3, 4]), [n * depth, inChannels, height, width]);
  const g2 = { stride: g.stride.slice(1), dilation: g.dilation.slice(1), groups: g.groups };
  let sum: Tensor | undefined;
  for (let k = 0; k < w.shape[2]; k++) {
    const tap = nt.reshape(nt.slice(w, [k], [k + 1], { axes: [2] }), [
      w.shape[0],
      w.shape[1],
      w.shape[3],
      w.shape[4],
    ]);
    const planes = full2d(slices, tap, g2, full.slice(1));
    const perDepth = nt.reshape(planes, [n, depth, 1, ...planes.shape.slice(1)]);
    const gaps = nt.zeros([n, depth, g.stride[0] - 1, ...planes.shape.slice(1)], { dtype: planes.dtype });
    const spread = nt.reshape(nt.concat([perDepth, gaps], 2), [
      n,
      depth * g.stride[0],
      ...planes.shape.slice(1),
    ]);
    const used = (depth - 1) * g.stride[0] + 1;
    const shift = k * g.dilation[0];
    const placed = nt.pad(nt.slice(spread, [0], [used], { axes: [1] }), [
      [0, 0],
      [shift, full[0] - used - shift],
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    sum = sum ? nt.add(sum, placed) : placed;
  }
  return nt.transpose(sum!, [0, 2, 1, 3, 4]);
}

/**
 * ConvTranspose. The full transposed convolution has length F = (in − 1)·stride + (k − 1)·dilation + 1
 * per axis; ONNX's output is its window [begin, begin + length), zero outside F, with
 * length = F − begin − end + output_padding. With output_shape (or SAME auto_pad) the pads are
 * derived as ONNX's reference does; they may be negative, which means zeros beyond F.
 */
function convTranspose(c: OnnxOpContext): Tensor[] {
  const x0 = c.input(0);
  const w0 = c.input(1);
  const rank = x0.rank - 2;
  if (rank < 1 || rank > 3) return c.unsupported(`${rank}-D transposed convolution`);
  // A 1-D transposed convolution runs as a 2-D one of height 1.
  const [x, w] = rank === 1 ? [nt.unsqueeze(x0, 2), nt.unsqueeze(w0, 2)] : [x0, w0];
  const lift = (values: number[] | undefined, fill: number) =>
    values && rank === 1 ? [fill, ...values] : values;
  const axes = x.shape.slice(2).map((_, i) => i);
  const ones = axes.map(() => 1);
  const g = {
    stride: lift(c.ints('strides'), 1) ?? ones,
    dilation: lift(c.ints('dilations'), 1) ?? ones,
    groups: c.int('group', 1),
  };
  const outputPadding = lift(c.ints('output_padding'), 0) ?? axes.map(() => 0);
  const full = axes.map((i) => (x.shape[i + 2] - 1) * g.stride[i] + (w.shape[i + 2] - 1) * g.dilation[i] + 1);
  const autoPad = c.string('auto_pad', 'NOTSET');
  const outputShape = lift(c.ints('output_shape'), 1);
  let begins: number[];
  let ends: number[];
  if (outputShape || autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const target = outputShape ?? axes.map((i) => x.shape[i + 2] * g.stride[i]);
    const total = axes.map((i) => full[i] + outputPadding[i] - target[i]);
    const half = total.map((t) => Math.floor(t / 2));
    begins = autoPad === 'SAME_UPPER' ? half : total.map((t, i) => t - half[i]);
    ends = total.map((t, i) => t - begins[i]);
  } else {
    // ONNX pads list every begin, then every end.
    const pads = c.ints('pads');
    const flat = pads ? (rank === 1 ? [0, pads[0], 0, pads[1]] : pads) : [...axes, ...axes].map(() => 0);
    begins = axes.map((i) => flat[i]);
    ends = axes.map((i) => flat[i + axes.length]);
  }
  let y = rank === 3 ? full3d(x, w, g, full) : full2d(x, w, g, full);
  // Cut the window [begin, begin + length) out of the full output, padding with zeros beyond it.
  const lengths = axes.map((i) => full[i] - begins[i] - ends[i] + outputPadding[i]);
  const spatial = axes.map((i) => i + 2);
  y = nt.slice(
    y,
    begins.map((b) => Math.max(b, 0)),
    begins.map((b, i) => b + lengths[i]),
    { axes: spatial },
  );
  const before = begins.map((b) => Math.max(-b, 0));
  const after = axes.map((i) => lengths[i] - before[i] - y.shape[i + 2]);
  if ([...before, ...after].some((p) => p > 0)) {
    y = nt.pad(y, [[0, 0], [0, 0], ...axes.map((i): [number, number] => [before[i], after[i]])]);
  }
  const bias = c.optionalInput(2);
  if (bias) y = nt.add(y, nt.reshape(bias, [bias.size, ...axes.map(() => 1)]));
  return [rank === 1 ? nt.squeeze(y, 2) : y];
}

/** ConvTranspose (1-D, 2-D and 3-D). */
export const convTransposeOps: OnnxOpTable = { ConvTranspose: convTranspose };
