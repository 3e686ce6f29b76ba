import type { KernelTensor } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { ANY_GPU_DTYPE, bufferOf, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { elementwiseShader, groupsFor, storage, wordStorage } from './wgsl';

// Index kernels bound every read: webgpu reads only asynchronously, so the ops' index-range
// checks are skipped there, and an index outside [−n, n) must not read or write another row.

/** (outer, length, inner) element counts of `shape` around `axis`. */
function splitAround(shape: readonly number[], axis: number): [number, number, number] {
  const product = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
  return [product(shape.slice(0, axis)), shape[axis], product(shape.slice(axis + 1))];
}

const NORMALIZE_ROW = /* wgsl */ `
fn normalizedRow(raw: i32, length: i32) -> i32 { return select(raw, raw + length, raw < 0); }
`;

// y is outer × count × inner; an out-of-range index gives a row of zeros, as in the js backend.
const GATHER = elementwiseShader(
  [
    wordStorage(1, 'x', 'read'),
    storage(2, 'indices', 'int32', 'read'),
    wordStorage(3, 'y', 'read_write'),
    NORMALIZE_ROW,
  ],
  `let inner = pu(1u);
  let count = pu(2u);
  let length = i32(pu(3u));
  let r = i % inner;
  let j = (i / inner) % count;
  let o = i / (inner * count);
  let row = normalizedRow(indices[j], length);
  if (row < 0 || row >= length) { y[i] = 0u; return; }
  y[i] = x[(o * u32(length) + u32(row)) * inner + r];`,
);

export const gatherKernel: WebGPUKernel<'gather'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [x, indices], { axis }, [y]) {
    const [, length, inner] = splitAround(x.shape, axis);
    context.dispatch({
      source: GATHER,
      buffers: [bufferOf(x), bufferOf(indices), bufferOf(y)],
      params: new Params().u32(y.size, inner, indices.size, length),
      workgroups: groupsFor(y.size),
    });
  },
};

/**
 * scatterAdd, output-centric so it is deterministic without float atomics: each output element
 * adds, in index order (the js backend's order), every update whose index names its row.
 */
function scatterAddShader(dtype: KernelTensor['dtype']): string {
  const declarations = [
    storage(1, 'x', dtype, 'read'),
    storage(2, 'indices', 'int32', 'read'),
    storage(3, 'updates', dtype, 'read'),
    storage(4, 'y', dtype, 'read_write'),
    NORMALIZE_ROW,
  ];
  return elementwiseShader(
    declarations,
    `let inner = pu(1u);
  let count = pu(2u);
  let length = pu(3u);
  let r = i % inner;
  let row = i32((i / inner) % length);
  let o = i / (inner * length);
  var total = x[i];
  for (var j = 0u; j < count; j++) {
    if (normalizedRow(indices[j], i32(length)) == row) { total += updates[(o * count + j) * inner + r]; }
  }
  y[i] = total;`,
  );
}

export const scatterAddKernel: WebGPUKernel<'scatterAdd'> = {
  supports: NUMERIC_DTYPE,
  run(context, [x, indices, updates], { axis }, [y]) {
    const [, length, inner] = splitAround(x.shape, axis);
    context.dispatch({
      source: scatterAddShader(y.dtype),
      buffers: [bufferOf(x), bufferOf(indices), bufferOf(updates), bufferOf(y)],
      params: new Params().u32(y.size, inner, indices.size, length),
      workgroups: groupsFor(y.size),
    });
  },
};

// Output element i is position i % depth of one-hot row i / depth.
const ONE_HOT = elementwiseShader(
  [storage(1, 'indices', 'int32', 'read'), storage(2, 'y', 'float32', 'read_write'), NORMALIZE_ROW],
  `let depth = pu(1u);
  let k = normalizedRow(indices[i / depth], i32(depth));
  y[i] = select(0.0, 1.0, k == i32(i % depth));`,
);

export const oneHotKernel: WebGPUKernel<'oneHot'> = {
  supports: (dtype) => dtype === 'int32',
  run(context, [indices], { depth }, [y]) {
    context.dispatch({
      source: ONE_HOT,
      buffers: [bufferOf(indices), bufferOf(y)],
      params: new Params().u32(y.size, depth),
      workgroups: groupsFor(y.size),
    });
  },
};
