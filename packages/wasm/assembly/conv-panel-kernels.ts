// The register-blocked kernels of the panel conv (conv-panels.ts): the 4×8 micro-kernel of
// gemm/micro-kernel.ts inlined into the panel loops (depths there are often only 9–150, where a
// call costs), with 2-row variants for a filter's last panel and variants that read their B panel
// in place from padded rows. Partial tiles store their lanes straight to the output.
import { madd } from './gemm/micro-kernel';

/** Stores `cols` (1…8) lanes of low‖high at `c`, adding what is there when `accumulate`. */
// @ts-ignore: decorator
@inline function storeLanes(c: usize, low: v128, high: v128, accumulate: bool, cols: i32): void {
  if (accumulate) {
    low = f32x4.add(low, v128.load(c));
    if (cols > 4) high = f32x4.add(high, v128.load(c, 16));
  }
  if (cols == 8) {
    v128.store(c, low);
    v128.store(c, high, 16);
    return;
  }
  let rest = low;
  let at = c;
  let left = cols;
  if (cols >= 4) {
    v128.store(c, low);
    rest = high;
    at += 16;
    left -= 4;
  }
  if (left > 0) store<f32>(at, f32x4.extract_lane(rest, 0));
  if (left > 1) store<f32>(at, f32x4.extract_lane(rest, 1), 4);
  if (left > 2) store<f32>(at, f32x4.extract_lane(rest, 2), 8);
}

/**
 * The 4×8 micro-kernel of gemm/micro-kernel.ts, inlined into the panel loop (its depth is often
 * only 9–150 here, where a call costs) and storing a partial tile's lanes straight to the output.
 * Rows past `rows` are computed from zero filter rows and not stored.
 */
// @ts-ignore: decorator
@inline export function panelKernel(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, accumulate: bool, rows: i32, cols: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  let c30 = c00;
  let c31 = c00;
  const end = bp + (<usize>kc << 5);
  while (bp < end) {
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
  storeLanes(c, c00, c01, accumulate, cols);
  if (rows > 1) storeLanes(c + ldc, c10, c11, accumulate, cols);
  if (rows > 2) storeLanes(c + 2 * ldc, c20, c21, accumulate, cols);
  if (rows > 3) storeLanes(c + 3 * ldc, c30, c31, accumulate, cols);
}

/**
 * panelKernel reading its B panel in place: tap p's eight pixels are the floats at
 * base + offsets[p] (bytes) of the padded rows. With few filter rows a packed panel would be used
 * only once or twice, so packing it would cost about as much as the multiply-adds.
 */
// @ts-ignore: decorator
@inline export function directKernel(kc: i32, ap: usize, base: usize, offsets: usize, c: usize, ldc: usize, accumulate: bool, rows: i32, cols: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  let c20 = c00;
  let c21 = c00;
  let c30 = c00;
  let c31 = c00;
  const end = offsets + (<usize>kc << 2);
  while (offsets < end) {
    const b = base + <usize>load<i32>(offsets);
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
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
    offsets += 4;
  }
  storeLanes(c, c00, c01, accumulate, cols);
  if (rows > 1) storeLanes(c + ldc, c10, c11, accumulate, cols);
  if (rows > 2) storeLanes(c + 2 * ldc, c20, c21, accumulate, cols);
  if (rows > 3) storeLanes(c + 3 * ldc, c30, c31, accumulate, cols);
}

/** directKernel for the last filter panel when it has only one or two rows. */
// @ts-ignore: decorator
@inline export function directKernel2(kc: i32, ap: usize, base: usize, offsets: usize, c: usize, ldc: usize, accumulate: bool, rows: i32, cols: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  const end = offsets + (<usize>kc << 2);
  while (offsets < end) {
    const b = base + <usize>load<i32>(offsets);
    const b0 = v128.load(b);
    const b1 = v128.load(b, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    ap += 16;
    offsets += 4;
  }
  storeLanes(c, c00, c01, accumulate, cols);
  if (rows > 1) storeLanes(c + ldc, c10, c11, accumulate, cols);
}

/** panelKernel for the last filter panel when it has only one or two rows: half the work. */
// @ts-ignore: decorator
@inline export function panelKernel2(kc: i32, ap: usize, bp: usize, c: usize, ldc: usize, accumulate: bool, rows: i32, cols: i32): void {
  let c00 = f32x4.splat(0);
  let c01 = c00;
  let c10 = c00;
  let c11 = c00;
  const end = bp + (<usize>kc << 5);
  while (bp < end) {
    const b0 = v128.load(bp);
    const b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00);
    c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10);
    c11 = madd(a, b1, c11);
    ap += 16;
    bp += 32;
  }
  storeLanes(c, c00, c01, accumulate, cols);
  if (rows > 1) storeLanes(c + ldc, c10, c11, accumulate, cols);
}
