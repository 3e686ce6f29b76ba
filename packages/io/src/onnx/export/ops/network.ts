import { ArgumentError, type OpRecord, type Window2dAttrs } from '@nagare/tensor';
import { attr, type OnnxGraphBuilder } from '../graph-builder';
import type { OpExporterTable } from './types';

/** Swaps the last two axes of a value of rank `rank` (nagare's transposeA/transposeB). */
function transposeLast(
  g: OnnxGraphBuilder,
  name: string,
  rank: number,
  dtype: OpRecord['outputs'][0]['dtype'],
) {
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return g.node('Transpose', [name], [dtype], { perm: attr.ints(perm) })[0];
}

/**
 * matmul: Gemm for two matrices (it carries the transposes, and a bias once fused), else MatMul
 * with an explicit Transpose for a transposed operand of a batched product.
 */
function matmul(r: OpRecord<'matmul'>, g: OnnxGraphBuilder): string[] {
  const [a, b] = r.inputs;
  const { transposeA, transposeB } = r.attrs;
  const { dtype } = r.outputs[0];
  if (a.rank === 2 && b.rank === 2) {
    return g.node('Gemm', [g.value(a), g.value(b)], [dtype], {
      transA: attr.int(transposeA),
      transB: attr.int(transposeB),
    });
  }
  const left = transposeA ? transposeLast(g, g.value(a), a.rank, dtype) : g.value(a);
  const right = transposeB ? transposeLast(g, g.value(b), b.rank, dtype) : g.value(b);
  return g.node('MatMul', [left, right], [dtype]);
}

/** The window attributes ONNX shares between Conv and the pools; pads are [top, left, bottom, right]. */
function windowAttributes({ stride, padding, dilation }: Window2dAttrs, withDilations = true) {
  const [top, bottom, left, right] = padding;
  return {
    strides: attr.ints(stride),
    pads: attr.ints([top, left, bottom, right]),
    ...(withDilations ? { dilations: attr.ints(dilation) } : {}),
  };
}

function conv2d(r: OpRecord<'conv2d'>, g: OnnxGraphBuilder): string[] {
  const [x, w] = r.inputs;
  return g.node('Conv', [g.value(x), g.value(w)], [r.outputs[0].dtype], {
    kernel_shape: attr.ints(w.shape.slice(2)),
    group: attr.int(r.attrs.groups),
    ...windowAttributes(r.attrs),
  });
}

function maxPool2d(r: OpRecord<'maxPool2d'>, g: OnnxGraphBuilder): string[] {
  return g.node('MaxPool', [g.value(r.inputs[0])], [r.outputs[0].dtype], {
    kernel_shape: attr.ints(r.attrs.kernelSize),
    ceil_mode: attr.int(r.attrs.ceilMode),
    ...windowAttributes(r.attrs),
  });
}

/** AveragePool has dilations only from opset 19. */
function avgPool2d(r: OpRecord<'avgPool2d'>, g: OnnxGraphBuilder): string[] {
  const isDilated = r.attrs.dilation.some((d) => d !== 1);
  if (isDilated && g.opset < 19) {
    throw new ArgumentError(
      'exportOnnx',
      `avgPool2d with dilation [${r.attrs.dilation.join(', ')}] needs opset 19 or newer, got ${g.opset}`,
    );
  }
  return g.node('AveragePool', [g.value(r.inputs[0])], [r.outputs[0].dtype], {
    kernel_shape: attr.ints(r.attrs.kernelSize),
    ceil_mode: attr.int(r.attrs.ceilMode),
    count_include_pad: attr.int(r.attrs.countIncludePad),
    ...windowAttributes(r.attrs, isDilated),
  });
}

/** Matrix products, softmax and the convolution and pooling kernels. */
export const networkExporters: OpExporterTable = {
  matmul,
  softmax: (r, g) =>
    g.node('Softmax', [g.value(r.inputs[0])], [r.outputs[0].dtype], { axis: attr.int(r.attrs.axis) }),
  logSoftmax: (r, g) =>
    g.node('LogSoftmax', [g.value(r.inputs[0])], [r.outputs[0].dtype], { axis: attr.int(r.attrs.axis) }),
  conv2d,
  maxPool2d,
  avgPool2d,
};
