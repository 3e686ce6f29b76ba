import { type KernelTensor, type PadMode, stridesOf } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { broadcastStrides } from './broadcast';
import { ANY_GPU_DTYPE, bufferOf, type KernelContext, type WebGPUKernel } from './context';
import { elementwiseShader, groupsFor, STRIDED_INDEX, wordStorage } from './wgsl';

// Shape kernels move 32-bit words without looking at them, so one shader serves every dtype.

const STRIDED_COPY = elementwiseShader(
  [wordStorage(1, 'x', 'read'), wordStorage(2, 'y', 'read_write'), STRIDED_INDEX],
  'y[i] = x[stridedIndex(i, pu(1u), 2u, 2u + pu(1u), pi(2u + 2u * pu(1u)))];',
);

/**
 * y[i] = x[offset + Σ coordinate(i)ₐ·strides[a]] over y's shape: transposes, broadcasts and slices
 * (negative strides walk backwards) are all such views.
 */
function stridedCopy(
  context: KernelContext,
  x: KernelTensor,
  y: KernelTensor,
  strides: readonly number[],
  offset: number,
  shape: readonly number[] = y.shape,
): void {
  context.dispatch({
    source: STRIDED_COPY,
    buffers: [bufferOf(x), bufferOf(y)],
    params: new Params().u32(y.size, shape.length, ...shape).i32(...strides, offset),
    workgroups: groupsFor(y.size),
  });
}

/** reshape is a view op (the dispatcher shares the buffer); the kernel copies for direct callers. */
export const reshapeKernel: WebGPUKernel<'reshape'> = {
  supports: ANY_GPU_DTYPE,
  run: (context, [x], _attrs, [y]) => stridedCopy(context, x, y, [1], 0, [y.size]),
};

export const transposeKernel: WebGPUKernel<'transpose'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [x], { perm }, [y]) {
    const inStrides = stridesOf(x.shape);
    // Output axis a walks input axis perm[a].
    stridedCopy(
      context,
      x,
      y,
      perm.map((p) => inStrides[p]),
      0,
    );
  },
};

export const expandKernel: WebGPUKernel<'expand'> = {
  supports: ANY_GPU_DTYPE,
  run: (context, [x], _attrs, [y]) => stridedCopy(context, x, y, broadcastStrides(x.shape, y.shape), 0),
};

export const sliceKernel: WebGPUKernel<'slice'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [x], { begin, step }, [y]) {
    const inStrides = stridesOf(x.shape);
    // One output step along axis a moves step[a] input rows of that axis (backwards when negative).
    const offset = begin.reduce((sum, b, a) => sum + b * inStrides[a], 0);
    stridedCopy(
      context,
      x,
      y,
      inStrides.map((s, a) => s * step[a]),
      offset,
    );
  },
};

const CONCAT_PIECE = elementwiseShader(
  [wordStorage(1, 'x', 'read'), wordStorage(2, 'y', 'read_write')],
  // Input element i sits in outer row i / block at column offset pu(3u) of a row of pu(2u) elements.
  'y[(i / pu(1u)) * pu(2u) + pu(3u) + i % pu(1u)] = x[i];',
);

/** concat: one dispatch per input, each copying its block of every outer row into place. */
export const concatKernel: WebGPUKernel<'concat'> = {
  supports: ANY_GPU_DTYPE,
  run(context, inputs, { axis }, [y]) {
    const inner = y.shape.slice(axis + 1).reduce((product, d) => product * d, 1);
    const rowLength = y.shape[axis] * inner;
    let column = 0;
    for (const x of inputs) {
      const block = x.shape[axis] * inner;
      if (x.size > 0) {
        context.dispatch({
          source: CONCAT_PIECE,
          buffers: [bufferOf(x), bufferOf(y)],
          params: new Params().u32(x.size, block, rowLength, column),
          workgroups: groupsFor(x.size),
        });
      }
      column += block;
    }
  },
};

const PAD_MODES: Record<PadMode, number> = { constant: 0, reflect: 1, edge: 2, wrap: 3 };

// Parameters: size, rank, outShape, inShape, before, inStrides, mode, fill value (as stored).
const PAD = elementwiseShader(
  [wordStorage(1, 'x', 'read'), wordStorage(2, 'y', 'read_write')],
  `let rank = pu(1u);
  let mode = pu(2u + 4u * rank);
  var rest = i;
  var source = 0u;
  var isFill = false;
  for (var d = i32(rank) - 1; d >= 0; d--) {
    let a = u32(d);
    let length = i32(pu(2u + a));
    let dim = i32(pu(2u + rank + a));
    let j = i32(rest % u32(length)) - i32(pu(2u + 2u * rank + a));
    rest /= u32(length);
    var k = j;
    if (j < 0 || j >= dim) {
      if (mode == 0u) { isFill = true; }
      else if (mode == 1u) { k = select(2 * (dim - 1) - j, -j, j < 0); }
      else if (mode == 2u) { k = select(dim - 1, 0, j < 0); }
      else { k = ((j % dim) + dim) % dim; }
    }
    source += u32(k) * pu(2u + 3u * rank + a);
  }
  y[i] = select(x[source], pu(3u + 4u * rank), isFill);`,
);

/** The fill value as the output stores it: f32 bits, a wrapped int32, or a bool byte. */
function fillWord(value: number, dtype: KernelTensor['dtype']): number {
  if (dtype === 'float32') return new Uint32Array(new Float32Array([value]).buffer)[0];
  if (dtype === 'int32') return new Uint32Array(new Int32Array([value]).buffer)[0];
  return new Uint8Array([value])[0];
}

/** pad in every mode (constant, reflect, edge, wrap), output-centric. */
export const padKernel: WebGPUKernel<'pad'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [x], { pads, mode, value }, [y]) {
    const params = new Params()
      .u32(y.size, y.shape.length, ...y.shape, ...x.shape)
      .u32(...pads.map(([before]) => before), ...stridesOf(x.shape))
      .u32(PAD_MODES[mode], fillWord(value, y.dtype));
    context.dispatch({
      source: PAD,
      buffers: [bufferOf(x), bufferOf(y)],
      params,
      workgroups: groupsFor(y.size),
    });
  },
};
