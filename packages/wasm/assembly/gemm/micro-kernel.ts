// The 4×8 register-blocked float32 micro-kernel: C[4×8] (+)= Ap[4×kc] · Bp[kc×8] from packed
// panels. Eight f32x4 accumulators, per k two loads of B, four splat loads of A and eight
// multiply-adds (fused with relaxed SIMD). Larger tiles spill registers on 16-register targets.

// RELAXED is a compile-time constant set by the build (`--use RELAXED=0|1`), so the branch not
// taken is removed before code generation: the SIMD128 binary contains no relaxed instruction.

export const MR = 4;
export const NR = 8;

// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (RELAXED) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline function storeRow(c: usize, low: v128, high: v128, accumulate: bool): void {
  if (accumulate) {
    v128.store(c, f32x4.add(v128.load(c), low));
    v128.store(c, f32x4.add(v128.load(c, 16), high), 16);
  } else {
    v128.store(c, low);
    v128.store(c, high, 16);
  }
}

/**
 * C (row pitch `ldc` bytes) gets the rows × cols top-left part of Ap·Bp, added to what is there
 * when `accumulate`. Partial tiles go through `tile` (32 floats of scratch) so the arithmetic is
 * the same as for a full tile: results never depend on where a tile boundary falls.
 */
export function microKernel(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, accumulate: bool, rows: i32, cols: i32, tile: usize): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  let c30 = c00;
  let c31 = c00;
  for (let p = 0; p < kc; p++) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20);
    c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30);
    c31 = madd(a, b1, c31);
    ap += 16;
    bp += 32;
  }
  if (rows == MR && cols == NR) {
    storeRow(c, c00, c01, accumulate);
    storeRow(c + ldc, c10, c11, accumulate);
    storeRow(c + 2 * ldc, c20, c21, accumulate);
    storeRow(c + 3 * ldc, c30, c31, accumulate);
    return;
  }
  storeRow(tile, c00, c01, false);
  storeRow(tile + 32, c10, c11, false);
  storeRow(tile + 64, c20, c21, false);
  storeRow(tile + 96, c30, c31, false);
  for (let r = 0; r < rows; r++) {
    const row = c + <usize>r * ldc;
    const source = tile + (<usize>r << 5);
    for (let j = 0; j < cols; j++) {
      const at = <usize>j << 2;
      const value = load<f32>(source + at);
      store<f32>(row + at, accumulate ? load<f32>(row + at) + value : value);
    }
  }
}
