import type { Tensor } from '@nagare/tensor';
import * as nt from '@nagare/tensor';
import type { OpContext, OpTable } from '../op-context';

/**
 * ConvTranspose is the input-gradient of a convolution. nagare's `conv2dBackpropInput` computes
 * the full transposed convolution (length F = (in − 1)·stride + (k − 1)·dilation + 1 per axis, no
 * padding); ONNX's output is the window [padBegin, padBegin + length) of it, zero outside F, where
 * length = F − padBegin − padEnd + output_padding. With output_shape, the pads are derived from it
 * as ONNX's reference does (they may be negative, which means zeros beyond F).
 */
function convTranspose(c: OpContext): Tensor[] {
  const x0 = c.input(0);
  const w0 = c.input(1);
  if (x0.rank !== 3 && x0.rank !== 4)
    return c.unsupported(`${x0.rank - 2}-D transposed convolution (nagare has 1-D and 2-D)`);
  const isOneD = x0.rank === 3;
  const [x, w] = isOneD ? [nt.unsqueeze(x0, 2), nt.unsqueeze(w0, 2)] : [x0, w0];
  const lift = (values: number[] | undefined, fill: number) =>
    values && isOneD ? [fill, ...values] : values;
  const stride = lift(c.ints('strides'), 1) ?? [1, 1];
  const dilation = lift(c.ints('dilations'), 1) ?? [1, 1];
  const outputPadding = lift(c.ints('output_padding'), 0) ?? [0, 0];
  const group = c.int('group', 1);
  const kernel = [w.shape[2], w.shape[3]];
  const full = [0, 1].map((i) => (x.shape[i + 2] - 1) * stride[i] + (kernel[i] - 1) * dilation[i] + 1);
  const autoPad = c.string('auto_pad', 'NOTSET');
  const outputShape = lift(c.ints('output_shape'), 1);
  let begins: number[];
  let ends: number[];
  if (outputShape || autoPad === 'SAME_UPPER' || autoPad === 'SAME_LOWER') {
    const target = outputShape ?? [0, 1].map((i) => x.shape[i + 2] * stride[i]);
    const total = [0, 1].map((i) => full[i] + outputPadding[i] - target[i]);
    const half = total.map((t) => Math.floor(t / 2));
    begins = autoPad === 'SAME_UPPER' ? half : total.map((t, i) => t - half[i]);
    ends = total.map((t, i) => t - begins[i]);
  } else {
    // ONNX pads list the begins, then the ends: [b] [e] for 1-D, [bH, bW, eH, eW] for 2-D.
    const pads = c.ints('pads');
    const flat = pads ? (isOneD ? [0, pads[0], 0, pads[1]] : pads) : [0, 0, 0, 0];
    begins = [flat[0], flat[1]];
    ends = [flat[2], flat[3]];
  }
  const outChannels = w.shape[1] * group;
  let y = nt.conv2dBackpropInput(x, w, [x.shape[0], outChannels, full[0], full[1]], {
    stride: [stride[0], stride[1]],
    padding: [0, 0, 0, 0],
    dilation: [dilation[0], dilation[1]],
    groups: group,
  });
  // Cut the window [begin, begin + length) out of the full output, padding with zeros beyond it.
  const lengths = [0, 1].map((i) => full[i] - begins[i] - ends[i] + outputPadding[i]);
  y = nt.slice(
    y,
    [Math.max(begins[0], 0), Math.max(begins[1], 0)],
    [begins[0] + lengths[0], begins[1] + lengths[1]],
    { axes: [2, 3] },
  );
  const before = begins.map((b) => Math.max(-b, 0));
  const after = [0, 1].map((i) => lengths[i] - before[i] - y.shape[i + 2]);
  if (before.some((p) => p > 0) || after.some((p) => p > 0)) {
    y = nt.pad(y, [
      [0, 0],
      [0, 0],
      [before[0], after[0]],
      [before[1], after[1]],
    ]);
  }
  const bias = c.optionalInput(2);
  if (bias) y = nt.add(y, nt.reshape(bias, [outChannels, 1, 1]));
  return [isOneD ? nt.squeeze(y, 2) : y];
}

/** ConvTranspose. */
export const convTransposeOps: OpTable = { ConvTranspose: convTranspose };
