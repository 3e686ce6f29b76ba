import type { DType } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { bufferOf, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { elementwiseShader, FLOAT_HELPERS, groupsFor, storage } from './wgsl';

/** (outer, n, inner) around `axis`: lines of n elements, `inner` apart. */
function lineSizes(shape: readonly number[], axis: number): [number, number, number] {
  const inner = shape.slice(axis + 1).reduce((p, d) => p * d, 1);
  const outer = shape.slice(0, axis).reduce((p, d) => p * d, 1);
  return [outer, shape[axis], inner];
}

/**
 * Running sums, one thread per line. float32 keeps each addition's rounding error (TwoSum) and
 * adds it back on every store, as close to the js backend's float64 accumulator as f32 allows;
 * int32 wraps.
 */
function cumsumShader(dtype: DType): string {
  const isFloat = dtype === 'float32';
  const add = isFloat
    ? `let s = hi + v;
    let bb = s - hi;
    lo += (hi - (s - bb)) + (v - bb);
    hi = s;`
    : 'hi += v;';
  const value = isFloat ? 'select(hi + lo, hi, isNan(hi) || isInf(hi))' : 'hi';
  return elementwiseShader(
    [storage(1, 'x', dtype, 'read'), storage(2, 'y', dtype, 'read_write'), FLOAT_HELPERS],
    `let n = pu(1u);
  let inner = pu(2u);
  let base = (i / inner) * n * inner + i % inner;
  let exclusive = pu(3u) != 0u;
  let reverse = pu(4u) != 0u;
  var hi = ${isFloat ? '0.0' : '0'};
  var lo = 0.0;
  for (var t = 0u; t < n; t++) {
    let index = base + select(t, n - 1u - t, reverse) * inner;
    let v = x[index];
    if (exclusive) { y[index] = ${value}; }
    ${add}
    if (!exclusive) { y[index] = ${value}; }
  }`,
  );
}

/** cumsum (float32, int32): axis, exclusive and reverse. */
export const cumsumKernel: WebGPUKernel<'cumsum'> = {
  supports: NUMERIC_DTYPE,
  run(context, [x], { axis, exclusive, reverse }, [y]) {
    const [outer, n, inner] = lineSizes(x.shape, axis);
    const lines = n === 0 ? 0 : outer * inner;
    context.dispatch({
      source: cumsumShader(x.dtype),
      buffers: [bufferOf(x), bufferOf(y)],
      params: new Params().u32(lines, n, inner, exclusive ? 1 : 0, reverse ? 1 : 0),
      workgroups: groupsFor(lines),
    });
  },
};

/**
 * topk, one thread per input element: its rank in its line under the js backend's strict order
 * (NaN above every number, ties to the lower index) is the number of elements ranked before it;
 * ranks below k are written there. Ranks form a permutation, so each output is written once.
 */
function topkShader(dtype: DType): string {
  const nan = dtype === 'float32' ? 'isNan' : 'noNan';
  return elementwiseShader(
    [
      storage(1, 'x', dtype, 'read'),
      storage(2, 'values', dtype, 'read_write'),
      storage(3, 'indices', 'int32', 'read_write'),
      FLOAT_HELPERS,
      'fn noNan(v: i32) -> bool { return false; }',
    ],
    `let n = pu(1u);
  let inner = pu(2u);
  let k = pu(3u);
  let largest = pu(4u) != 0u;
  let j = (i / inner) % n;
  let base = (i / (inner * n)) * n * inner + i % inner;
  let v = x[i];
  let vNan = ${nan}(v);
  var rank = 0u;
  for (var m = 0u; m < n; m++) {
    let u = x[base + m * inner];
    let uNan = ${nan}(u);
    var before = m < j;
    if (!(uNan && vNan) && !(!uNan && !vNan && u == v)) { before = (uNan || (!vNan && u > v)) == largest; }
    if (m != j && before) { rank++; }
  }
  if (rank < k) {
    let out = ((i / (inner * n)) * k + rank) * inner + i % inner;
    values[out] = v;
    indices[out] = i32(j);
  }`,
  );
}

/** topk (float32, int32): the k largest or smallest along an axis, with their int32 indices. */
export const topkKernel: WebGPUKernel<'topk'> = {
  supports: NUMERIC_DTYPE,
  run(context, [x], { k, axis, largest }, [values, indices]) {
    const [, n, inner] = lineSizes(x.shape, axis);
    context.dispatch({
      source: topkShader(x.dtype),
      buffers: [bufferOf(x), bufferOf(values), bufferOf(indices)],
      params: new Params().u32(x.size, n, inner, k, largest ? 1 : 0),
      workgroups: k === 0 ? 0 : groupsFor(x.size),
    });
  },
};
