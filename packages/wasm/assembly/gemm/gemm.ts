// Goto/BLIS-style float32 GEMM: C = A·B blocked for the caches (NC columns of B packed per KC
// depth slice, MC rows of A per block) around the 4×8 micro-kernel. Every element of C sums its
// KC slices in the same order whatever the thread split or tile position, so threaded results are
// bit-identical to one thread.
import { packA, packB } from './pack';
import { MR, microKernel, NR } from './micro-kernel';

export const MC = 32;
export const KC = 512;
export const NC = 256;

/** Scratch one GEMM thread needs: packed A block, packed B block and an edge tile. */
export const GEMM_SCRATCH_BYTES = (MC * KC + KC * NC) * 4 + 128;

// Byte offsets of the int32 fields of a GEMM parameter block (written by src/kernels/gemm-params.ts).
export const A_KIND = 0;
export const A_POINTER = 4;
export const A_LD = 8;
export const A_BATCH_STRIDE = 12;
export const B_KIND = 16;
export const B_POINTER = 20;
export const B_LD = 24;
export const C_POINTER = 28;
export const C_LD = 32;
export const M = 36;
export const N = 40;
export const K = 44;
export const SPLIT_COLUMNS = 48;
export const CONV = 52;
export const ACCUMULATE = 56;

/**
 * C[rows, cols] = A[rows, :]·B[:, cols] (+ C when `accumulate`) for one rectangle of C, with the
 * operands described by `params`. `scratch` is GEMM_SCRATCH_BYTES of this thread's memory.
 */
export function gemmRect(params: usize, rowBegin: i32, rowEnd: i32, colBegin: i32, colEnd: i32, scratch: usize): void {
  const k = load<i32>(params, K);
  const c = <usize>load<i32>(params, C_POINTER);
  const ldc = load<i32>(params, C_LD);
  const accumulate = load<i32>(params, ACCUMULATE) != 0;
  if (k == 0) {
    if (!accumulate) {
      for (let i = rowBegin; i < rowEnd; i++) {
        memory.fill(c + ((<usize>i * <usize>ldc + <usize>colBegin) << 2), 0, <usize>(colEnd - colBegin) << 2);
      }
    }
    return;
  }
  const ap = scratch;
  const bp = scratch + MC * KC * 4;
  const tile = bp + KC * NC * 4;
  const aKind = load<i32>(params, A_KIND);
  const a = <usize>load<i32>(params, A_POINTER);
  const lda = load<i32>(params, A_LD);
  const aBatchStride = load<i32>(params, A_BATCH_STRIDE);
  const bKind = load<i32>(params, B_KIND);
  const b = <usize>load<i32>(params, B_POINTER);
  const ldb = load<i32>(params, B_LD);
  const conv = <usize>load<i32>(params, CONV);
  const m = load<i32>(params, M);
  const n = load<i32>(params, N);
  const rowPitch = <usize>ldc << 2;
  for (let jc = colBegin; jc < colEnd; jc += NC) {
    const nc = min(NC, colEnd - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      packB(bKind, b, ldb, conv, pc, kc, jc, nc, n, bp, tile);
      const isAdding = accumulate || pc > 0;
      for (let ic = rowBegin; ic < rowEnd; ic += MC) {
        const mc = min(MC, rowEnd - ic);
        packA(aKind, a, lda, aBatchStride, ic, mc, pc, kc, m, ap);
        for (let jr = 0; jr < nc; jr += NR) {
          const panelB = bp + <usize>jr * <usize>kc * 4;
          const cols = min(NR, nc - jr);
          for (let ir = 0; ir < mc; ir += MR) {
            const target = c + <usize>(ic + ir) * rowPitch + (<usize>(jc + jr) << 2);
            microKernel(kc, ap + <usize>ir * <usize>kc * 4, panelB, target, rowPitch, isAdding, min(MR, mc - ir), cols, tile);
          }
        }
      }
    }
  }
}

/**
 * The thread-pool entry: splits C by rows (units of MR) or, when SPLIT_COLUMNS is set, by
 * columns (units of NR); [begin, end) counts those units.
 */
export function gemm(begin: i32, end: i32, scratch: usize, params: usize): void {
  if (load<i32>(params, SPLIT_COLUMNS) != 0) {
    gemmRect(params, 0, load<i32>(params, M), begin * NR, min(end * NR, load<i32>(params, N)), scratch);
  } else {
    gemmRect(params, begin * MR, min(end * MR, load<i32>(params, M)), 0, load<i32>(params, N), scratch);
  }
}

/** GEMM_SCRATCH_BYTES, for the JavaScript side. */
export function gemmScratchBytes(): i32 {
  return GEMM_SCRATCH_BYTES;
}
