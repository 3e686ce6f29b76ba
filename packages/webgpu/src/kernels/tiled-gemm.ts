import { PARAMS_WGSL, Params } from '../runtime/params';
import type { WgslType } from './wgsl';

// One tiled GEMM shader serves matmul and the three convolutions: each supplies how to read
// element (row, k) of A and (k, col) of B and where element (row, col) of C goes, and the
// generator does the tiling. A workgroup computes a TILE × TILE block of C for one batch entry:
// it stages TILE × DEPTH of A and DEPTH × TILE of B in workgroup memory, so each loaded value
// feeds TILE multiply-adds, and each of its 8 × 8 threads accumulates a 4 × 4 block of outputs.

/** Rows and columns of C per workgroup. */
export const TILE = 32;
/** Entries of the shared dimension staged per step. */
const DEPTH = 16;
/** Threads per row and column of the workgroup (TILE / THREADS outputs each way per thread). */
const THREADS = 8;
const PER_THREAD = TILE / THREADS;

/** Parameter words the generator owns (M, N, K, tiles per row, tiles per column, batches). */
export const GEMM_PARAM_WORDS = 8;

/** The operand-specific WGSL of one GEMM-shaped kernel. */
export interface GemmSpec {
  /** Element type of A, B and C (and of the accumulators). */
  type: WgslType;
  /** Storage bindings (from 1), helper functions and `var<private>` state. */
  declarations: readonly string[];
  /** Statements run once per workgroup with `batch: u32` in scope (e.g. batch base offsets). */
  setup: string;
  /** Body of `fn loadA(row: u32, k: u32) -> T`, called with row < M and k < K. */
  loadA: string;
  /** Body of `fn loadB(k: u32, col: u32) -> T`, called with k < K and col < N. */
  loadB: string;
  /** Body of `fn store(row: u32, col: u32, value: T)`, called with row < M and col < N. */
  store: string;
}

/**
 * A complete GEMM shader for `spec`. Parameters 0…5 are M, N, K, tiles along N, tiles along M and
 * batches (see `gemmParams`); a spec reads its own from word GEMM_PARAM_WORDS on.
 */
export function gemmShader(spec: GemmSpec): string {
  const T = spec.type;
  const zero = `${T}(0)`;
  return `${PARAMS_WGSL}
${spec.declarations.join('\n')}
var<workgroup> tileA: array<${T}, ${TILE * DEPTH}>;
var<workgroup> tileB: array<${T}, ${DEPTH * TILE}>;
var<private> batch: u32;
fn loadA(row: u32, k: u32) -> ${T} { ${spec.loadA} }
fn loadB(k: u32, col: u32) -> ${T} { ${spec.loadB} }
fn store(row: u32, col: u32, value: ${T}) { ${spec.store} }

@compute @workgroup_size(${THREADS}, ${THREADS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) grid: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) flat: u32) {
  let M = pu(0u);
  let N = pu(1u);
  let K = pu(2u);
  let tile = wid.y * grid.x + wid.x;
  let tilesN = pu(3u);
  let tilesM = pu(4u);
  // A folded dispatch may run a few groups past the last tile; the test is uniform per group.
  if (tile >= tilesN * tilesM * pu(5u)) { return; }
  batch = tile / (tilesN * tilesM);
  let rowBase = ((tile / tilesN) % tilesM) * ${TILE}u;
  let colBase = (tile % tilesN) * ${TILE}u;
  ${spec.setup}
  var acc: array<${T}, ${PER_THREAD * PER_THREAD}>;
  for (var t = 0u; t < ${PER_THREAD * PER_THREAD}u; t++) { acc[t] = ${zero}; }
  for (var k0 = 0u; k0 < K; k0 += ${DEPTH}u) {
    for (var e = flat; e < ${TILE * DEPTH}u; e += ${THREADS * THREADS}u) {
      let r = e / ${DEPTH}u;
      let ka = k0 + e % ${DEPTH}u;
      var a = ${zero};
      if (rowBase + r < M && ka < K) { a = loadA(rowBase + r, ka); }
      tileA[e] = a;
      let kb = k0 + e / ${TILE}u;
      let c = e % ${TILE}u;
      var b = ${zero};
      if (kb < K && colBase + c < N) { b = loadB(kb, colBase + c); }
      tileB[e] = b;
    }
    workgroupBarrier();
    for (var kk = 0u; kk < ${DEPTH}u; kk++) {
      var b: array<${T}, ${PER_THREAD}>;
      for (var j = 0u; j < ${PER_THREAD}u; j++) { b[j] = tileB[kk * ${TILE}u + lid.x + j * ${THREADS}u]; }
      for (var i = 0u; i < ${PER_THREAD}u; i++) {
        let a = tileA[(lid.y + i * ${THREADS}u) * ${DEPTH}u + kk];
        for (var j = 0u; j < ${PER_THREAD}u; j++) { acc[i * ${PER_THREAD}u + j] += a * b[j]; }
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < ${PER_THREAD}u; i++) {
    let row = rowBase + lid.y + i * ${THREADS}u;
    for (var j = 0u; j < ${PER_THREAD}u; j++) {
      let col = colBase + lid.x + j * ${THREADS}u;
      if (row < M && col < N) { store(row, col, acc[i * ${PER_THREAD}u + j]); }
    }
  }
}
`;
}

/** The generator's parameter words for an M × K by K × N product over `batches`, and the groups. */
export function gemmParams(
  m: number,
  n: number,
  k: number,
  batches: number,
): { params: Params; workgroups: number } {
  const tilesN = Math.ceil(n / TILE);
  const tilesM = Math.ceil(m / TILE);
  const params = new Params().u32(m, n, k, tilesN, tilesM, batches, 0, 0);
  return { params, workgroups: tilesN * tilesM * batches };
}
