import { ArgumentError, type OpRecord } from '@nagare/tensor';
import { type OnnxAttribute, OnnxDataType } from '../../onnx-types';
import { attr, type OnnxGraphBuilder } from '../graph-builder';
import type { OpExporterTable } from './types';

const sameShape = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * nagare's slice is begin, step and size on every axis; ONNX's Slice is starts, ends, axes and
 * steps on the axes it changes. end = begin + size·step, which for a backward slice that reaches
 * index 0 is −1 — "the last element" to ONNX — so it becomes −(length + 1), which ONNX resolves
 * to just before index 0.
 */
function slice(r: OpRecord<'slice'>, g: OnnxGraphBuilder): string[] {
  const x = r.inputs[0];
  const { begin, step, size } = r.attrs;
  const axes = x.shape
    .map((_, a) => a)
    .filter((a) => !(begin[a] === 0 && step[a] === 1 && size[a] === x.shape[a]));
  const { dtype } = r.outputs[0];
  if (axes.length === 0) return [g.value(x)];
  const ends = axes.map((a) => {
    const end = begin[a] + size[a] * step[a];
    return end < 0 ? -(x.shape[a] + 1) : end;
  });
  const inputs = [g.value(x), g.int64(axes.map((a) => begin[a])), g.int64(ends), g.int64(axes)];
  return g.node('Slice', [...inputs, g.int64(axes.map((a) => step[a]))], [dtype]);
}

/** Pad: ONNX lists every axis's begin, then every end; `wrap` exists from opset 19. */
function pad(r: OpRecord<'pad'>, g: OnnxGraphBuilder): string[] {
  const { pads, mode, value } = r.attrs;
  const { dtype } = r.outputs[0];
  if (mode === 'wrap' && g.opset < 19)
    throw new ArgumentError('exportOnnx', `pad mode "wrap" needs opset 19 or newer, got ${g.opset}`);
  const flat = [...pads.map(([before]) => before), ...pads.map(([, after]) => after)];
  const inputs = [g.value(r.inputs[0]), g.int64(flat)];
  if (mode === 'constant') inputs.push(g.scalar(value, dtype));
  return g.node('Pad', inputs, [dtype], { mode: attr.string(mode) });
}

/** Shape, view and indexing ops. */
export const shapeExporters: OpExporterTable = {
  reshape: (r, g) => {
    const { shape } = r.attrs;
    // A reshape to the same shape (Flatten of a matrix, say) is the value itself.
    if (sameShape(r.inputs[0].shape, shape)) return [g.value(r.inputs[0])];
    // A 0 in Reshape's shape copies the input's length unless allowzero is set.
    const attributes: Record<string, OnnxAttribute> = shape.includes(0) ? { allowzero: attr.int(1) } : {};
    return g.node('Reshape', [g.value(r.inputs[0]), g.int64(shape)], [r.outputs[0].dtype], attributes);
  },
  transpose: (r, g) =>
    r.attrs.perm.every((axis, i) => axis === i)
      ? [g.value(r.inputs[0])]
      : g.node('Transpose', [g.value(r.inputs[0])], [r.outputs[0].dtype], { perm: attr.ints(r.attrs.perm) }),
  expand: (r, g) =>
    sameShape(r.inputs[0].shape, r.attrs.shape)
      ? [g.value(r.inputs[0])]
      : g.node('Expand', [g.value(r.inputs[0]), g.int64(r.attrs.shape)], [r.outputs[0].dtype]),
  concat: (r, g) => {
    const { dtype } = r.outputs[0];
    return g.node(
      'Concat',
      r.inputs.map((t) => g.valueAs(t, dtype)),
      [dtype],
      { axis: attr.int(r.attrs.axis) },
    );
  },
  slice,
  pad,
  gather: (r, g) =>
    g.node('Gather', [g.value(r.inputs[0]), g.value(r.inputs[1])], [r.outputs[0].dtype], {
      axis: attr.int(r.attrs.axis),
    }),
  // OneHot's values input is [off, on] in the output dtype; the new axis goes last as in nagare.
  // Indices go in as INT64: onnxruntime has no OneHot kernel for INT32 indices with an INT64 depth.
  oneHot: (r, g) => {
    const { dtype } = r.outputs[0];
    const [indices] = g.node('Cast', [g.value(r.inputs[0])], ['int32'], { to: attr.int(OnnxDataType.INT64) });
    const offOn = g.constantValues([0, 1], dtype);
    return g.node('OneHot', [indices, g.int64([r.attrs.depth], []), offOn], [dtype], { axis: attr.int(-1) });
  },
};
