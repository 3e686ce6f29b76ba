import { PARAMS_WGSL, Params } from '../runtime/params';
import type { WgslType } from './wgsl';

// One tiled GEMM shader serves matmul and the three convolutions: each supplies how to read
// element (row, k) of A and (k, col) of B and where element (row, col) of C goes, and the
// generator does the tiling. A workgroup computes a rows × cols block of C for one batch entry:
// it stages rows × DEPTH of A and DEPTH × cols of B in workgroup memory, so each loaded value
// feeds several multiply-adds, and each thread accumulates a 4 × 4 block of outputs in registers
// (unrolled scalars: an indexed private array is memory on SwiftShader and several times slower).

/** Entries of the shared dimension staged per step. */
const DEPTH = 16;
/** Outputs per thread along each of rows and columns. */
const PER_THREAD = 4;

/** The block of C one workgroup computes. Narrow row tiles keep few-channel convolutions from idling. */
export interface TileShape {
  rows: 8 | 16 | 32;
  cols: 32 | 64;
}

/** The tile for an M-row product: as many of M's rows as fit, the rest of 512 outputs as columns. */
export function tileShapeFor(m: number): TileShape {
  if (m <= 8) return { rows: 8, cols: 64 };
  if (m <= 16) return { rows: 16, cols: 64 };
  return { rows: 32, cols: 32 };
}

/** Parameter words the generator owns (M, N, K, tiles along N, tiles along M, batches). */
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
  /**
   * What `loadB` needs to know of a column of B, worked out once per workgroup by the body of
   * `fn column(col: u32) -> ColumnType` (col < N): index arithmetic hoisted out of the k loop.
   */
  columnType: string;
  column: string;
  /** Body of `fn loadB(k: u32, c: ColumnType) -> T`, called with k < K for a column inside B. */
  loadB: string;
  /** Body of `fn store(row: u32, col: u32, value: T)`, called with row < M and col < N. */
  store: string;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const cells = range(PER_THREAD).flatMap((i) => range(PER_THREAD).map((j) => [i, j] as const));

/** The unrolled multiply-adds of one staged k: 4 values of A times 4 of B into 16 accumulators. */
function multiplyAdds(shape: TileShape, threadsX: number, threadsY: number): string {
  const loadsA = range(PER_THREAD).map(
    (i) => `let a${i} = tileA[(lid.y + ${i * threadsY}u) * ${DEPTH}u + kk];`,
  );
  const loadsB = range(PER_THREAD).map(
    (j) => `let b${j} = tileB[kk * ${shape.cols}u + lid.x + ${j * threadsX}u];`,
  );
  const sums = cells.map(([i, j]) => `acc${i}${j} += a${i} * b${j};`);
  return [...loadsA, ...loadsB, ...sums].join('\n      ');
}

/** Stores of the 16 accumulators that fall inside C. */
function stores(threadsX: number, threadsY: number): string {
  return cells
    .map(
      ([i, j]) =>
        `if (rowBase + lid.y + ${i * threadsY}u < M && colBase + lid.x + ${j * threadsX}u < N) ` +
        `{ store(rowBase + lid.y + ${i * threadsY}u, colBase + lid.x + ${j * threadsX}u, acc${i}${j}); }`,
    )
    .join('\n  ');
}

/**
 * Each thread stages B for fixed columns of the tile (one, or cols / threads when there are fewer
 * threads than columns), so their `column()` is computed once per workgroup, not per element.
 */
function columnsOfThread(spec: GemmSpec, shape: TileShape, threads: number): string {
  return range(Math.max(1, shape.cols / threads))
    .map(
      (j) => `let col${j} = flat % ${shape.cols}u + ${j * threads}u;
  let inside${j} = colBase + col${j} < N;
  var column${j}: ${spec.columnType};
  if (inside${j}) { column${j} = column(colBase + col${j}); }`,
    )
    .join('\n  ');
}

function loadTileB(spec: GemmSpec, shape: TileShape, threads: number): string {
  const zero = `${spec.type}(0)`;
  const rowStep = Math.max(1, threads / shape.cols);
  return range(Math.max(1, shape.cols / threads))
    .map(
      (j) => `for (var r = flat / ${shape.cols}u; r < ${DEPTH}u; r += ${rowStep}u) {
      var b = ${zero};
      if (inside${j} && k0 + r < K) { b = loadB(k0 + r, column${j}); }
      tileB[r * ${shape.cols}u + col${j}] = b;
    }`,
    )
    .join('\n    ');
}

const shaders = new WeakMap<GemmSpec, Map<number, string>>();

/**
 * The GEMM shader for `spec` with tile `shape` (built once per pair). Parameters 0…5 are M, N, K,
 * tiles along N, tiles along M and batches (see `gemmPlan`); a spec reads its own from word
 * GEMM_PARAM_WORDS on.
 */
export function gemmShader(spec: GemmSpec, shape: TileShape): string {
  const built = shaders.get(spec) ?? new Map<number, string>();
  shaders.set(spec, built);
  const cached = built.get(shape.rows);
  if (cached) return cached;
  const source = buildShader(spec, shape);
  built.set(shape.rows, source);
  return source;
}

function buildShader(spec: GemmSpec, shape: TileShape): string {
  const T = spec.type;
  const zero = `${T}(0)`;
  const [threadsX, threadsY] = [shape.cols / PER_THREAD, shape.rows / PER_THREAD];
  const threads = threadsX * threadsY;
  return `${PARAMS_WGSL}
${spec.declarations.join('\n')}
var<workgroup> tileA: array<${T}, ${shape.rows * DEPTH}>;
var<workgroup> tileB: array<${T}, ${DEPTH * shape.cols}>;
var<private> batch: u32;
fn loadA(row: u32, k: u32) -> ${T} { ${spec.loadA} }
fn column(col: u32) -> ${spec.columnType} { ${spec.column} }
fn loadB(k: u32, c: ${spec.columnType}) -> ${T} { ${spec.loadB} }
fn store(row: u32, col: u32, value: ${T}) { ${spec.store} }

@compute @workgroup_size(${threadsX}, ${threadsY})
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
  let rowBase = ((tile / tilesN) % tilesM) * ${shape.rows}u;
  let colBase = (tile % tilesN) * ${shape.cols}u;
  ${spec.setup}
  ${cells.map(([i, j]) => `var acc${i}${j} = ${zero};`).join(' ')}
  ${columnsOfThread(spec, shape, threads)}
  for (var k0 = 0u; k0 < K; k0 += ${DEPTH}u) {
    for (var e = flat; e < ${shape.rows * DEPTH}u; e += ${threads}u) {
      let row = rowBase + e / ${DEPTH}u;
      let k = k0 + e % ${DEPTH}u;
      var a = ${zero};
      if (row < M && k < K) { a = loadA(row, k); }
      tileA[e] = a;
    }
${loadTileB(spec, shape, threads)}
    workgroupBarrier();
    for (var kk = 0u; kk < ${DEPTH}u; kk++) {
      ${multiplyAdds(shape, threadsX, threadsY)}
    }
    workgroupBarrier();
  }
  ${stores(threadsX, threadsY)}
}
`;
}

/** The tile, parameter words and workgroups of an M × K by K × N product over `batches`. */
export function gemmPlan(m: number, n: number, k: number, batches: number) {
  const shape = tileShapeFor(m);
  const tilesN = Math.ceil(n / shape.cols);
  const tilesM = Math.ceil(m / shape.rows);
  const params = new Params().u32(m, n, k, tilesN, tilesM, batches, 0, 0);
  return { shape, params, workgroups: tilesN * tilesM * batches };
}
