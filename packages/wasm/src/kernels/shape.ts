import type { KernelTensor, PadMode } from '@nagare/tensor';
import {
  dtypeCode,
  elementBytes,
  type KernelContext,
  PARAMS_BYTES,
  pointerOf,
  type WasmKernel,
} from './context';
import { COST_MEMORY } from './costs';
import { contiguousStrides, splitAround, writeStridedParams } from './strided-params';

/** y = x read through per-output-axis element strides from `offset`. */
function stridedCopy(
  context: KernelContext,
  x: KernelTensor,
  y: KernelTensor,
  strides: readonly number[],
  offset: number,
): void {
  const rows = writeStridedParams(context.heap, context.params, y.shape, strides, offset);
  context.tasks.run(
    'stridedCopy',
    rows,
    (y.size / rows) * COST_MEMORY,
    0,
    elementBytes(y.dtype),
    pointerOf(x),
    pointerOf(y),
    context.params,
  );
}

export const transposeKernel: WasmKernel<'transpose'> = {
  supports: () => true,
  run(context, [x], { perm }, [y]) {
    const inStrides = contiguousStrides(x.shape);
    stridedCopy(
      context,
      x,
      y,
      perm.map((p) => inStrides[p]),
      0,
    );
  },
};

export const expandKernel: WasmKernel<'expand'> = {
  supports: () => true,
  run(context, [x], _attrs, [y]) {
    const inStrides = contiguousStrides(x.shape);
    const offset = y.shape.length - x.shape.length;
    const strides = y.shape.map((_, axis) =>
      axis < offset || x.shape[axis - offset] === 1 ? 0 : inStrides[axis - offset],
    );
    stridedCopy(context, x, y, strides, 0);
  },
};

export const sliceKernel: WasmKernel<'slice'> = {
  supports: () => true,
  run(context, [x], { begin, step }, [y]) {
    const inStrides = contiguousStrides(x.shape);
    let offset = 0;
    for (let axis = 0; axis < inStrides.length; axis++) offset += begin[axis] * inStrides[axis];
    stridedCopy(
      context,
      x,
      y,
      inStrides.map((s, axis) => s * step[axis]),
      offset,
    );
  },
};

export const concatKernel: WasmKernel<'concat'> = {
  supports: () => true,
  run(context, inputs, { axis }, [y]) {
    const bytes = elementBytes(y.dtype);
    const { outer, inner } = splitAround(y.shape, axis);
    const rowBytes = y.shape[axis] * inner * bytes;
    let column = 0;
    for (const x of inputs) {
      const block = x.shape[axis] * inner * bytes;
      if (block > 0)
        context.tasks.run(
          'copyRows',
          outer,
          block * 2,
          0,
          pointerOf(x),
          block,
          pointerOf(y) + column,
          rowBytes,
          block,
        );
      column += block;
    }
  },
};

/** The source coordinate of output position `i` along an axis of length `dim`, or −1 for the fill value. */
function sourceIndex(mode: PadMode, i: number, before: number, dim: number): number {
  const j = i - before;
  if (j >= 0 && j < dim) return j;
  switch (mode) {
    case 'reflect':
      return j < 0 ? -j : 2 * (dim - 1) - j;
    case 'edge':
      return j < 0 ? 0 : dim - 1;
    case 'wrap':
      return ((j % dim) + dim) % dim;
    default:
      return -1;
  }
}

export const padKernel: WasmKernel<'pad'> = {
  supports: () => true,
  run(context, [x], { pads, mode, value }, [y]) {
    const rank = y.shape.length;
    if (rank === 0) {
      context.tasks.run('cast', 1, 1, 0, dtypeCode(x.dtype), dtypeCode(y.dtype), pointerOf(x), pointerOf(y));
      return;
    }
    // Layout (int32): rank, outShape[rank], inStrides[rank], then one source map per axis.
    const words = 1 + 2 * rank + y.shape.reduce((sum, d) => sum + d, 0);
    const isLarge = words * 4 > PARAMS_BYTES;
    const params = isLarge ? context.heap.allocate(words * 4) : context.params;
    try {
      const heap = context.heap.i32;
      let at = params >>> 2;
      heap[at++] = rank;
      for (const d of y.shape) heap[at++] = d;
      for (const s of contiguousStrides(x.shape)) heap[at++] = s;
      for (let axis = 0; axis < rank; axis++) {
        for (let i = 0; i < y.shape[axis]; i++)
          heap[at++] = sourceIndex(mode, i, pads[axis][0], x.shape[axis]);
      }
      const rows = y.size / y.shape[rank - 1];
      context.tasks.run(
        'padMapped',
        rows,
        y.shape[rank - 1] * COST_MEMORY,
        0,
        dtypeCode(y.dtype),
        pointerOf(x),
        pointerOf(y),
        value,
        params,
      );
    } finally {
      if (isLarge) context.heap.free(params, words * 4);
    }
  },
};

export const gatherKernel: WasmKernel<'gather'> = {
  supports: () => true,
  run(context, [x, indices], { axis }, [y]) {
    const { outer, length, inner } = splitAround(x.shape, axis);
    const bytes = elementBytes(y.dtype);
    context.tasks.run(
      'gatherRows',
      outer,
      indices.size * inner * COST_MEMORY,
      0,
      bytes,
      pointerOf(x),
      pointerOf(indices),
      pointerOf(y),
      length,
      indices.size,
      inner,
    );
  },
};

export const scatterAddKernel: WasmKernel<'scatterAdd'> = {
  supports: (dtype) => dtype !== 'bool',
  run(context, [x, indices, updates], { axis }, [y]) {
    const { outer, length, inner } = splitAround(x.shape, axis);
    context.tasks.run(
      'scatterAddRows',
      outer,
      (length + indices.size) * inner * COST_MEMORY,
      0,
      dtypeCode(y.dtype),
      pointerOf(x),
      pointerOf(indices),
      pointerOf(updates),
      pointerOf(y),
      length,
      indices.size,
      inner,
    );
  },
};

export const oneHotKernel: WasmKernel<'oneHot'> = {
  supports: (dtype) => dtype === 'int32',
  run(context, [indices], { depth }, [y]) {
    context.tasks.run(
      'oneHotRows',
      indices.size,
      depth * COST_MEMORY,
      0,
      pointerOf(indices),
      pointerOf(y),
      depth,
    );
  },
};
