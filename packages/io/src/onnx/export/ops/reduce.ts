import type { OpRecord } from '@nagare/tensor';
import { attr, ONNX_TYPE, type OnnxGraphBuilder } from '../graph-builder';
import type { OpExporterTable } from './types';

/** ReduceSum took `axes` as an input from opset 13; the other Reduce operators from opset 18. */
function reduce(opType: string, axesInputSince: number) {
  return (r: OpRecord<'sum' | 'prod' | 'max' | 'min'>, g: OnnxGraphBuilder) => {
    const { axes, keepDims } = r.attrs;
    const x = g.value(r.inputs[0]);
    const { dtype } = r.outputs[0];
    // No axes reduces nothing in nagare, but everything in ONNX.
    if (axes.length === 0) return [x];
    const keepdims = attr.int(keepDims);
    if (g.opset >= axesInputSince) return g.node(opType, [x, g.int64(axes)], [dtype], { keepdims });
    return g.node(opType, [x], [dtype], { axes: attr.ints(axes), keepdims });
  };
}

/** ArgMax/ArgMin give INT64 indices; nagare's are int32, so a Cast follows. */
function argReduce(opType: string) {
  return (r: OpRecord<'argmax' | 'argmin'>, g: OnnxGraphBuilder) => {
    const { axis, keepDims, selectLastIndex } = r.attrs;
    const [indices] = g.node(opType, [g.value(r.inputs[0])], ['int32'], {
      axis: attr.int(axis),
      keepdims: attr.int(keepDims),
      select_last_index: attr.int(selectLastIndex),
    });
    return g.node('Cast', [indices], ['int32'], { to: attr.int(ONNX_TYPE.int32) });
  };
}

/** Reductions, arg-reductions, cumulative sums and top-k. */
export const reduceExporters: OpExporterTable = {
  sum: reduce('ReduceSum', 13),
  prod: reduce('ReduceProd', 18),
  max: reduce('ReduceMax', 18),
  min: reduce('ReduceMin', 18),
  argmax: argReduce('ArgMax'),
  argmin: argReduce('ArgMin'),
  cumsum: (r, g) =>
    g.node('CumSum', [g.value(r.inputs[0]), g.int64([r.attrs.axis], [])], [r.outputs[0].dtype], {
      exclusive: attr.int(r.attrs.exclusive),
      reverse: attr.int(r.attrs.reverse),
    }),
  topk: (r, g) => {
    const { k, axis, largest } = r.attrs;
    const [values, indices] = g.node(
      'TopK',
      [g.value(r.inputs[0]), g.int64([k])],
      [r.outputs[0].dtype, 'int32'],
      {
        axis: attr.int(axis),
        largest: attr.int(largest),
        sorted: attr.int(1),
      },
    );
    return [values, ...g.node('Cast', [indices], ['int32'], { to: attr.int(ONNX_TYPE.int32) })];
  },
};
