import type { KernelContext } from './context';

// Operand kinds and parameter-block fields of assembly/gemm (pack.ts and gemm.ts).
export const A_DENSE = 0;
export const A_TRANSPOSED = 1;
export const A_CHANNELS = 2;
export const B_DENSE = 0;
export const B_TRANSPOSED = 1;
export const B_IM2COL_T = 3;

const MR = 4;
const NR = 8;
/** Columns of B packed at a time (NC in assembly/gemm/gemm.ts). */
const NC = 256;

/**
 * Whether to split C by columns rather than rows across `threads`. Each thread packs what its part
 * needs: split by rows, every thread packs all of B (k·n elements each time, so B is packed
 * `threads` times over); split by columns, every thread packs all of A once per block of NC
 * columns it covers. Take the split that packs fewer extra elements (on a 1024³ GEMM the column
 * split measured about 1.9× on 2 threads against 1.6× by rows), and split by rows when there are
 * too few column tiles to go round. The split never changes a result: every element of C sums
 * the same products in the same order.
 */
export function shouldSplitByColumns(m: number, n: number, k: number, threads: number): boolean {
  if (threads <= 1) return Math.ceil(n / NR) > Math.ceil(m / MR);
  if (Math.ceil(n / NR) < threads) return false;
  if (Math.ceil(m / MR) < threads) return true;
  const extraByRows = k * n * (threads - 1);
  const extraByColumns = m * k * (threads * Math.ceil(n / (threads * NC)) - Math.ceil(n / NC));
  return extraByColumns <= extraByRows;
}
/** Words of a GEMM parameter block. */
export const GEMM_PARAMS_WORDS = 15;

/**
 * One float32 GEMM C[m×n] (+)= A·B, split across threads by rows or columns (see
 * `shouldSplitByColumns`). The parameter block is written at `params` (GEMM_PARAMS_WORDS int32s) and must
 * stay untouched until the call returns; `conv` is the im2col geometry for the im2col kinds.
 */
export function runGemm(
  context: KernelContext,
  params: number,
  aKind: number,
  a: number,
  lda: number,
  aBatchStride: number,
  bKind: number,
  b: number,
  ldb: number,
  c: number,
  ldc: number,
  m: number,
  n: number,
  k: number,
  conv: number,
  isAccumulating: boolean,
): void {
  const rowUnits = Math.ceil(m / MR);
  const columnUnits = Math.ceil(n / NR);
  const isSplitByColumns = shouldSplitByColumns(m, n, k, context.tasks.threads);
  const words = context.heap.i32;
  const at = params >>> 2;
  words[at] = aKind;
  words[at + 1] = a;
  words[at + 2] = lda;
  words[at + 3] = aBatchStride;
  words[at + 4] = bKind;
  words[at + 5] = b;
  words[at + 6] = ldb;
  words[at + 7] = c;
  words[at + 8] = ldc;
  words[at + 9] = m;
  words[at + 10] = n;
  words[at + 11] = k;
  words[at + 12] = isSplitByColumns ? 1 : 0;
  words[at + 13] = conv;
  words[at + 14] = isAccumulating ? 1 : 0;
  const units = isSplitByColumns ? columnUnits : rowUnits;
  const cost = 2 * k * (isSplitByColumns ? m * NR : n * MR);
  context.tasks.run('gemm', units, cost, context.gemmScratchBytes, params);
}
