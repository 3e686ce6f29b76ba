// Packing of GEMM operands into the micro-kernel's panel layouts. A: panels of 4 rows, k-major
// (Ap[p·4 + r]); B: panels of 8 columns, k-major (Bp[p·8 + c]); both zero-padded at the edges.
// Each operand can come from a plain or transposed matrix, or (for convolutions) be read straight
// from an image as its im2col matrix, so no unfolded copy is ever materialised.
import { packIm2colPanel, packIm2colTransposedPanel } from './im2col';
import { MR, NR } from './micro-kernel';

/** A[i, p] at a[i·ld + p]. */
export const A_DENSE = 0;
/** A[i, p] at a[p·ld + i] (A stored transposed). */
export const A_TRANSPOSED = 1;
/** A[i, p] = dy[n, i, q] for p = n·plane + q: a conv output gradient seen as [channels, N·plane]. */
export const A_CHANNELS = 2;

/** B[p, j] at b[p·ld + j]. */
export const B_DENSE = 0;
/** B[p, j] at b[j·ld + p] (B stored transposed). */
export const B_TRANSPOSED = 1;
/** B = im2col(x) of one image: rows (c, ky, kx), columns output pixels. */
export const B_IM2COL = 2;
/** B = im2col(x)ᵀ over a batch: rows (n, output pixel), columns (c, ky, kx). */
export const B_IM2COL_T = 3;

/**
 * Packs rows [i0, i0 + mc) × depth [p0, p0 + kc) of A into `ap`. For A_CHANNELS, `ld` is the
 * channel plane size and `batchStride` the distance between images (both in elements).
 */
export function packA(kind: i32, a: usize, ld: i32, batchStride: i32, i0: i32, mc: i32, p0: i32, kc: i32, m: i32, ap: usize): void {
  for (let r0 = 0; r0 < mc; r0 += MR) {
    const panel = ap + <usize>r0 * <usize>kc * 4;
    const rows = min(MR, m - (i0 + r0));
    for (let p = 0; p < kc; p++) {
      const target = panel + (<usize>p << 4);
      if (kind == A_TRANSPOSED && rows == MR) {
        v128.store(target, v128.load(a + ((<usize>(p0 + p) * <usize>ld + <usize>(i0 + r0)) << 2)));
        continue;
      }
      for (let r = 0; r < MR; r++) {
        let value: f32 = 0;
        if (r < rows) {
          const i = i0 + r0 + r;
          const q = p0 + p;
          if (kind == A_DENSE) value = load<f32>(a + ((<usize>i * <usize>ld + <usize>q) << 2));
          else if (kind == A_TRANSPOSED) value = load<f32>(a + ((<usize>q * <usize>ld + <usize>i) << 2));
          else value = load<f32>(a + ((<usize>(q / ld) * <usize>batchStride + <usize>i * <usize>ld + <usize>(q % ld)) << 2));
        }
        store<f32>(target + (<usize>r << 2), value);
      }
    }
  }
}

/**
 * Packs depth [p0, p0 + kc) × columns [j0, j0 + nc) of B into `bp`. `conv` points at the
 * convolution geometry for the im2col kinds (see im2col.ts).
 */
export function packB(kind: i32, b: usize, ld: i32, conv: usize, p0: i32, kc: i32, j0: i32, nc: i32, n: i32, bp: usize): void {
  for (let c0 = 0; c0 < nc; c0 += NR) {
    const panel = bp + <usize>c0 * <usize>kc * 4;
    const cols = min(NR, n - (j0 + c0));
    const j = j0 + c0;
    if (kind == B_DENSE && cols == NR) {
      for (let p = 0; p < kc; p++) {
        const source = b + ((<usize>(p0 + p) * <usize>ld + <usize>j) << 2);
        const target = panel + (<usize>p << 5);
        v128.store(target, v128.load(source));
        v128.store(target, v128.load(source, 16), 16);
      }
      continue;
    }
    if (kind == B_IM2COL) {
      packIm2colPanel(conv, b, p0, kc, j, cols, panel);
      continue;
    }
    if (kind == B_IM2COL_T) {
      packIm2colTransposedPanel(conv, b, p0, kc, j, cols, panel);
      continue;
    }
    for (let p = 0; p < kc; p++) {
      const target = panel + (<usize>p << 5);
      for (let c = 0; c < NR; c++) {
        let value: f32 = 0;
        if (c < cols) {
          const q = p0 + p;
          if (kind == B_DENSE) value = load<f32>(b + ((<usize>q * <usize>ld + <usize>(j + c)) << 2));
          else value = load<f32>(b + ((<usize>(j + c) * <usize>ld + <usize>q) << 2));
        }
        store<f32>(target + (<usize>c << 2), value);
      }
    }
  }
}
