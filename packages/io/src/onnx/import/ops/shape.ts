import * as nt from '@nagare/tensor';
import type { OnnxOpContext, OnnxOpTable } from '../op-context';

/**
 * Reshape: a 0 entry copies the input's length at that position unless `allowzero` is set (then
 * it means length 0); one −1 is inferred.
 */
function reshape(c: OnnxOpContext) {
  const x = c.input(0);
  const requested = c.inputInts(1) ?? [];
  const allowZero = c.int('allowzero', 0) === 1;
  return [
    nt.reshape(
      x,
      requested.map((d, i) => (d === 0 && !allowZero ? x.shape[i] : d)),
    ),
  ];
}

/** Flatten to 2-D: [product of the axes before `axis`, product of the rest] (axis default 1). */
function flatten(c: OnnxOpContext) {
  const x = c.input(0);
  // axis may be anything in [−rank, rank]; a negative one counts from the rank.
  const requested = c.int('axis', 1);
  const axis =
    requested < 0
      ? nt.normalizeAxis('Flatten', requested, x.rank)
      : nt.normalizeAxis('Flatten', requested, x.rank + 1);
  const rows = x.shape.slice(0, axis).reduce((p, d) => p * d, 1);
  const cols = x.shape.slice(axis).reduce((p, d) => p * d, 1);
  return [nt.reshape(x, [rows, cols])];
}

/** Squeeze/Unsqueeze take `axes` as an input from opset 13, as an attribute before. */
const axesOf = (c: OnnxOpContext) => (c.opset >= 13 ? c.inputInts(1) : c.ints('axes'));

/** Unsqueeze: axes index the output, so negative ones count from the output's rank. */
function unsqueeze(c: OnnxOpContext) {
  const x = c.input(0);
  const axes = axesOf(c) ?? [];
  const rank = x.rank + axes.length;
  const positions = axes.map((a) => nt.normalizeAxis('Unsqueeze', a, rank)).sort((a, b) => a - b);
  const shape = [...x.shape];
  for (const p of positions) shape.splice(p, 0, 1);
  return [nt.reshape(x, shape)];
}

/** Expand: broadcasts both ways (a length-1 requested axis keeps the input's length). */
function expand(c: OnnxOpContext) {
  const x = c.input(0);
  return [nt.expand(x, nt.broadcastShapes('Expand', x.shape, c.inputInts(1) ?? []))];
}

/**
 * Shape: the input's shape (int64 in ONNX, int32 here as every ONNX int64), or its `start`..`end`
 * part (opset 15; negative ends count from the rank, out-of-range ones are clamped). PyTorch's
 * exporter computes the batch size of an LSTM's initial state this way.
 */
function shape(c: OnnxOpContext) {
  const rank = c.input(0).rank;
  const clamp = (axis: number) => Math.min(Math.max(axis < 0 ? axis + rank : axis, 0), rank);
  const start = clamp(c.int('start', 0));
  const dims = c.input(0).shape.slice(start, Math.max(start, clamp(c.int('end', rank))));
  return [nt.tensor(dims, { dtype: 'int32', shape: [dims.length] })];
}

/** Reshape, Flatten, Squeeze, Unsqueeze, Transpose, Expand, Shape. */
export const shapeOps: OnnxOpTable = {
  Reshape: reshape,
  Flatten: flatten,
  Squeeze: (c) => [nt.squeeze(c.input(0), axesOf(c))],
  Unsqueeze: unsqueeze,
  Transpose: (c) => [nt.transpose(c.input(0), c.ints('perm'))],
  Expand: expand,
  Shape: shape,
};
