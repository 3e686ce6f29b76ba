import type { DType, Shape } from '@nagare/tensor';
import { PARAMS_WGSL, Params } from '../runtime/params';
import { FLOAT_HELPERS, storage } from './wgsl';

// Reductions run one workgroup per output element: each thread folds a strided share of the
// reduced elements into a private state, then the workgroup combines the 64 states pairwise in
// workgroup memory (a tree of depth 6), so long axes cost log-depth, not a serial sweep.

/** Threads per workgroup, each owning one slot of the tree. */
const THREADS = 64;

/**
 * How one reduction folds values: a state type `S`, its WGSL functions `initial() -> S`,
 * `absorb(s: S, v: T, r: u32) -> S` (r is the position in the reduced elements),
 * `merge(a: S, b: S) -> S` (associative and commutative) and `finish(s: S) -> Out`.
 */
export interface Reducer {
  state: string;
  functions: string;
}

/** A reduction shader reading `inDtype` and writing `outDtype` with `reducer`. */
export function treeReduceShader(inDtype: DType, outDtype: DType, reducer: Reducer): string {
  return `${PARAMS_WGSL}
${storage(1, 'x', inDtype, 'read')}
${storage(2, 'y', outDtype, 'read_write')}
${FLOAT_HELPERS}
${reducer.functions}
var<workgroup> partial: array<${reducer.state}, ${THREADS}>;

// Word rankAt holds a rank, then rank dims and rank strides follow: the offset of flat index i.
fn offsetOf(i: u32, rankAt: u32) -> u32 {
  let rank = pu(rankAt);
  var rest = i;
  var offset = 0u;
  for (var d = i32(rank) - 1; d >= 0; d--) {
    let dim = pu(rankAt + 1u + u32(d));
    offset += (rest % dim) * pu(rankAt + 1u + rank + u32(d));
    rest /= dim;
  }
  return offset;
}

@compute @workgroup_size(${THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) grid: vec3<u32>,
        @builtin(local_invocation_index) lid: u32) {
  let out = wid.y * grid.x + wid.x;
  if (out >= pu(0u)) { return; }
  let count = pu(1u);
  let base = offsetOf(out, 3u);
  let reducedAt = 4u + 2u * pu(3u);
  var s = initial();
  for (var r = lid; r < count; r += ${THREADS}u) { s = absorb(s, x[base + offsetOf(r, reducedAt)], r); }
  partial[lid] = s;
  workgroupBarrier();
  for (var half = ${THREADS / 2}u; half > 0u; half >>= 1u) {
    if (lid < half) { partial[lid] = merge(partial[lid], partial[lid + half]); }
    workgroupBarrier();
  }
  if (lid == 0u) { y[out] = finish(partial[0]); }
}
`;
}

/**
 * Parameters of reducing `shape` over `axes` into `outputs` elements: word 0 outputs, 1 reduced
 * count, 2 `flag` (an op's switch), then the kept axes and the reduced axes, each as rank, dims
 * and input strides. Length-1 axes are dropped and neighbours of one kind merged, so a typical
 * reduction has one kept and one reduced axis.
 */
export function reduceParams(shape: Shape, axes: readonly number[], outputs: number, flag = 0): Params {
  const kept = { dims: [] as number[], strides: [] as number[] };
  const reduced = { dims: [] as number[], strides: [] as number[] };
  let lastKind: typeof kept | null = null;
  let stride = shape.reduce((p, d) => p * d, 1);
  shape.forEach((dim, axis) => {
    stride = dim === 0 ? 0 : stride / dim;
    if (dim === 1) return;
    const kind = axes.includes(axis) ? reduced : kept;
    if (kind === lastKind) {
      // Adjacent axes of one kind are one axis: dims multiply, the inner stride stays.
      kind.dims[kind.dims.length - 1] *= dim;
      kind.strides[kind.strides.length - 1] = stride;
    } else {
      kind.dims.push(dim);
      kind.strides.push(stride);
    }
    lastKind = kind;
  });
  const count = reduced.dims.reduce((p, d) => p * d, 1);
  return new Params()
    .u32(outputs, count, flag)
    .u32(kept.dims.length, ...kept.dims, ...kept.strides)
    .u32(reduced.dims.length, ...reduced.dims, ...reduced.strides);
}
