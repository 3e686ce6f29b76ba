import * as nt from '@nagare/tensor';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/**
 * Split: part lengths from the `split` input (opset 13+) or attribute (before), else equal parts:
 * `num_outputs` parts from opset 18 (the last one may be shorter), one per output before.
 */
function splitOp(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  const axis = nt.normalizeAxis('Split', c.int('axis', 0), x.rank);
  const lengths = c.opset >= 13 ? c.inputInts(1) : c.ints('split');
  if (lengths) return nt.split(x, lengths, axis);
  const outputs = c.node.outputs.length;
  const parts = c.opset >= 18 ? c.int('num_outputs', outputs) : outputs;
  // num_outputs comes from the file: check it before it sizes the array of part lengths.
  if (!Number.isInteger(parts) || parts < 1 || parts > outputs)
    throw new ArgumentError(
      'Split',
      `num_outputs ${parts} must be between 1 and the node's ${outputs} outputs`,
    );
  const length = x.shape[axis];
  const size = Math.ceil(length / parts);
  const uneven = Array.from({ length: parts }, (_, i) => Math.max(0, Math.min(size, length - i * size)));
  return nt.split(x, uneven, axis);
}

/** Slice (opset 10+): starts, ends and optional axes and steps as inputs; INT64 bounds are clamped. */
function sliceOp(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  if (c.opset < 10) c.unsupported('Slice before opset 10 (starts/ends as attributes)');
  const axes = c.inputInts(3);
  return [nt.slice(x, c.inputInts(1) ?? [], c.inputInts(2) ?? [], { axes, steps: c.inputInts(4) })];
}

/**
 * Pad (opset 11+): `pads` lists every begin then every end, over `axes` (opset 18+, default all);
 * mode constant (with the optional `constant_value` input), reflect, edge or wrap.
 */
function padOp(c: OnnxOpContext): Tensor[] {
  const x = c.input(0);
  if (c.opset < 11) c.unsupported('Pad before opset 11 (pads as an attribute)');
  const flat = c.inputInts(1) ?? [];
  const axes = (c.inputInts(3) ?? x.shape.map((_, i) => i)).map((a) => nt.normalizeAxis('Pad', a, x.rank));
  const pairs = x.shape.map((): [number, number] => [0, 0]);
  axes.forEach((axis, i) => {
    pairs[axis] = [flat[i], flat[i + axes.length]];
  });
  const mode = c.string('mode', 'constant');
  if (mode !== 'constant' && mode !== 'reflect' && mode !== 'edge' && mode !== 'wrap')
    c.unsupported(`mode "${mode}"`);
  const value = c.has(2) ? (c.inputValues(2)[0] ?? 0) : 0;
  return [nt.pad(x, pairs, { mode, value })];
}

/** OneHot: [off, on] values, depth, and the new axis placed at `axis` (default −1, the last). */
function oneHotOp(c: OnnxOpContext): Tensor[] {
  const indices = nt.cast(c.input(0), 'int32');
  const depth = Math.trunc(c.inputValues(1)[0]);
  const values = c.input(2);
  const [off, on] = c.inputValues(2);
  const hot = nt.oneHot(indices, depth);
  const y = nt.cast(nt.add(nt.mul(hot, on - off), off), values.dtype);
  const axis = nt.normalizeAxis('OneHot', c.int('axis', -1), y.rank);
  const perm = [...Array(y.rank - 1).keys()];
  perm.splice(axis, 0, y.rank - 1);
  return [nt.transpose(y, perm)];
}

/** TopK (opset 10+): k as an input; sorted output only; ties go to the lower index. */
function topkOp(c: OnnxOpContext): Tensor[] {
  if (c.int('sorted', 1) !== 1) c.unsupported('sorted=0');
  const k = c.opset >= 10 ? (c.inputScalar(1) ?? 0) : c.int('k', 0);
  return nt.topk(c.input(0), k, { axis: c.int('axis', -1), largest: c.int('largest', 1) === 1 });
}

/** Concat, Split, Slice, Gather, Pad, OneHot, CumSum, TopK. */
export const indexingOps: OnnxOpTable = {
  Concat: (c) => [nt.concat(c.inputs(), c.int('axis', 0))],
  Split: splitOp,
  Slice: sliceOp,
  Gather: (c) => [nt.gather(c.input(0), c.input(1), c.int('axis', 0))],
  Pad: padOp,
  OneHot: oneHotOp,
  CumSum: (c) => [
    nt.cumsum(c.input(0), c.inputScalar(1) ?? 0, {
      exclusive: c.int('exclusive', 0) === 1,
      reverse: c.int('reverse', 0) === 1,
    }),
  ],
  TopK: topkOp,
};
