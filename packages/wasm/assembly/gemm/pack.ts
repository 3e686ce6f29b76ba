// Packing of GEMM operands into the micro-kernel's panel layouts. A: panels of 4 rows, k-major
// (Ap[p·4 + r]); B: panels of 8 columns, k-major (Bp[p·8 + c]); both zero-padded at the edges.
// Each operand can come from a plain or transposed matrix, or (for convolutions) be read straight
// from an image as its im2col matrix, so no unfolded copy is ever materialised.
import { packIm2colTransposedPanel, storeTransposed4 } from './im2col';
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
// (Kind 2, im2col(x) of one image, is gone: the forward conv packs its own panels, conv-panels.ts.)
/** B = im2col(x)ᵀ over a batch: rows (n, output pixel), columns (c, ky, kx). */
export const B_IM2COL_T = 3;

/** A[i, q] for any kind (the slow path, used at the edges). */
// @ts-ignore: decorator
@inline function elementA(kind: i32, a: usize, ld: i32, batchStride: i32, i: i32, q: i32): f32 {
  if (kind == A_DENSE) return load<f32>(a + ((<usize>i * <usize>ld + <usize>q) << 2));
  if (kind == A_TRANSPOSED) return load<f32>(a + ((<usize>q * <usize>ld + <usize>i) << 2));
  return load<f32>(a + ((<usize>(q / ld) * <usize>batchStride + <usize>i * <usize>ld + <usize>(q % ld)) << 2));
}

/**
 * Packs rows [i0, i0 + mc) × depth [p0, p0 + kc) of A into `ap`. For A_CHANNELS, `ld` is the
 * channel plane size and `batchStride` the distance between images (both in elements). Reads go
 * along memory: row-major rows four depths at a time through 4×4 transposes, stored-transposed
 * A one contiguous run of rows per depth.
 */
export function packA(kind: i32, a: usize, ld: i32, batchStride: i32, i0: i32, mc: i32, p0: i32, kc: i32, m: i32, ap: usize): void {
  const panelBytes = <usize>kc << 4;
  const fullPanels = min(mc, m - i0) / MR;
  if (kind == A_TRANSPOSED) {
    for (let p = 0; p < kc; p++) {
      const row = a + ((<usize>(p0 + p) * <usize>ld + <usize>i0) << 2);
      for (let panel = 0; panel < fullPanels; panel++) {
        v128.store(ap + <usize>panel * panelBytes + (<usize>p << 4), v128.load(row + (<usize>panel << 4)));
      }
    }
  } else {
    for (let panel = 0; panel < fullPanels; panel++) {
      const i = i0 + panel * MR;
      const target = ap + <usize>panel * panelBytes;
      let p = 0;
      for (; p + 4 <= kc; p += 4) {
        const q = p0 + p;
        let source: usize;
        if (kind == A_DENSE) {
          source = a + ((<usize>i * <usize>ld + <usize>q) << 2);
        } else {
          const image = q / ld;
          const pixel = q - image * ld;
          if (pixel + 4 > ld) {
            // These four depths straddle two images: element by element.
            for (let t = 0; t < 4; t++) {
              const at = target + (<usize>(p + t) << 4);
              for (let r = 0; r < MR; r++) store<f32>(at + (<usize>r << 2), elementA(kind, a, ld, batchStride, i + r, q + t));
            }
            continue;
          }
          source = a + ((<usize>image * <usize>batchStride + <usize>i * <usize>ld + <usize>pixel) << 2);
        }
        const pitch = <usize>ld << 2;
        storeTransposed4(v128.load(source), v128.load(source + pitch), v128.load(source + 2 * pitch), v128.load(source + 3 * pitch), target + (<usize>p << 4), 16);
      }
      for (; p < kc; p++) {
        const at = target + (<usize>p << 4);
        for (let r = 0; r < MR; r++) store<f32>(at + (<usize>r << 2), elementA(kind, a, ld, batchStride, i + r, p0 + p));
      }
    }
  }
  // The partial last panel (fewer than four rows left in A) and any panel past the end: zero-padded.
  for (let panel = fullPanels; panel * MR < mc; panel++) {
    const target = ap + <usize>panel * panelBytes;
    const rows = m - (i0 + panel * MR);
    for (let p = 0; p < kc; p++) {
      const at = target + (<usize>p << 4);
      for (let r = 0; r < MR; r++) store<f32>(at + (<usize>r << 2), r < rows ? elementA(kind, a, ld, batchStride, i0 + panel * MR + r, p0 + p) : 0);
    }
  }
}

/**
 * Packs depth [p0, p0 + kc) × columns [j0, j0 + nc) of B into `bp`. `conv` points at the
 * convolution geometry for the im2col kinds (see im2col.ts); `scratch` is 128 bytes they may use.
 */
export function packB(kind: i32, b: usize, ld: i32, conv: usize, p0: i32, kc: i32, j0: i32, nc: i32, n: i32, bp: usize, scratch: usize): void {
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
    if (kind == B_IM2COL_T) {
      packIm2colTransposedPanel(conv, b, p0, kc, j, cols, panel, scratch);
      continue;
    }
    let p = 0;
    if (kind == B_TRANSPOSED && cols == NR) {
      // Eight rows of Bᵀ, four depths at a time, through two 4×4 transposes.
      const pitch = <usize>ld << 2;
      for (; p + 4 <= kc; p += 4) {
        const source = b + ((<usize>j * <usize>ld + <usize>(p0 + p)) << 2);
        const target = panel + (<usize>p << 5);
        storeTransposed4(v128.load(source), v128.load(source + pitch), v128.load(source + 2 * pitch), v128.load(source + 3 * pitch), target, 32);
        const upper = source + 4 * pitch;
        storeTransposed4(v128.load(upper), v128.load(upper + pitch), v128.load(upper + 2 * pitch), v128.load(upper + 3 * pitch), target + 16, 32);
      }
    }
    for (; p < kc; p++) {
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
