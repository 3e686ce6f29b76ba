// tanh, sigmoid and erf for four float32 lanes, computed in two float64x2 halves. Working in
// float64 leaves the only visible error in the final rounding to float32, so each stays within
// 1 ulp over the whole range (src/math-accuracy.test.ts checks ≤ 2 ulp, ±Inf and NaN included).

export const LOG2E: f64 = 1.4426950408889634;
export const LN2_HI: f64 = 6.93147180369123816490e-1;
export const LN2_LO: f64 = 1.90821492927058770002e-10;

/**
 * a·b + c on two float64 lanes: fused in the relaxed-SIMD binary where the CPU has FMA (RELAXED is
 * a build-time constant, see gemm/micro-kernel.ts). Only for polynomial steps, where either
 * rounding is accurate enough.
 */
// @ts-ignore: decorator
@inline export function madd64(a: v128, b: v128, c: v128): v128 {
  if (RELAXED) return f64x2.relaxed_madd(a, b, c);
  return f64x2.add(f64x2.mul(a, b), c);
}

/** The low two f32 lanes of `x` as float64. */
// @ts-ignore: decorator
@inline export function lowF64(x: v128): v128 {
  return f64x2.promote_low_f32x4(x);
}

/** The high two f32 lanes of `x` as float64. */
// @ts-ignore: decorator
@inline export function highF64(x: v128): v128 {
  return f64x2.promote_low_f32x4(i32x4.shuffle(x, x, 2, 3, 0, 1));
}

/** Rounds two float64x2 halves back into four float32 lanes. */
// @ts-ignore: decorator
@inline export function joinF32(low: v128, high: v128): v128 {
  return i64x2.shuffle(f32x4.demote_f64x2_zero(low), f32x4.demote_f64x2_zero(high), 0, 2);
}

/**
 * e^x for x in [−745, 0] with relative error below 1e-12: Cody–Waite reduction to |r| ≤ ln2/2
 * and the Taylor polynomial to r^11 (its remainder is under 4e-14).
 */
// @ts-ignore: decorator
@inline export function expNegativeF64x2(x: v128): v128 {
  const n = f64x2.nearest(f64x2.mul(x, f64x2.splat(LOG2E)));
  const r = f64x2.sub(f64x2.sub(x, f64x2.mul(n, f64x2.splat(LN2_HI))), f64x2.mul(n, f64x2.splat(LN2_LO)));
  let p = f64x2.splat(1.0 / 39916800.0);
  p = madd64(p, r, f64x2.splat(1.0 / 3628800.0));
  p = madd64(p, r, f64x2.splat(1.0 / 362880.0));
  p = madd64(p, r, f64x2.splat(1.0 / 40320.0));
  p = madd64(p, r, f64x2.splat(1.0 / 5040.0));
  p = madd64(p, r, f64x2.splat(1.0 / 720.0));
  p = madd64(p, r, f64x2.splat(1.0 / 120.0));
  p = madd64(p, r, f64x2.splat(1.0 / 24.0));
  p = madd64(p, r, f64x2.splat(1.0 / 6.0));
  p = madd64(p, r, f64x2.splat(0.5));
  p = madd64(p, r, f64x2.splat(1.0));
  p = madd64(p, r, f64x2.splat(1.0));
  // 2^n from the exponent bits; n ≥ −1075 after the caller's clamp, split in two so it stays normal.
  const ni = i64x2.extend_low_i32x4_s(i32x4.trunc_sat_f64x2_s_zero(n));
  const half = i64x2.shr_s(ni, 1);
  const s1 = i64x2.shl(i64x2.add(half, i64x2.splat(1023)), 52);
  const s2 = i64x2.shl(i64x2.add(i64x2.sub(ni, half), i64x2.splat(1023)), 52);
  return f64x2.mul(f64x2.mul(p, s1), s2);
}

/** tanh on two float64 lanes (NaN propagates; ±Inf give ±1). */
// @ts-ignore: decorator
@inline function tanhF64x2(x: v128): v128 {
  const a = f64x2.abs(x);
  // Small |x|: the odd Taylor series; its first omitted term is below 1e-12 relative for |x| < 1/16.
  const x2 = f64x2.mul(x, x);
  let s = f64x2.splat(-17.0 / 315.0);
  s = madd64(s, x2, f64x2.splat(2.0 / 15.0));
  s = madd64(s, x2, f64x2.splat(-1.0 / 3.0));
  // x·(1 + x²·s) rather than x + x³·s keeps the sign of −0.
  const series = f64x2.mul(x, f64x2.add(f64x2.splat(1.0), f64x2.mul(s, x2)));
  // Otherwise (1 − e^(−2|x|)) / (1 + e^(−2|x|)), with the sign put back.
  const t = expNegativeF64x2(f64x2.mul(f64x2.pmin(a, f64x2.splat(20.0)), f64x2.splat(-2.0)));
  const ratio = f64x2.div(f64x2.sub(f64x2.splat(1.0), t), f64x2.add(f64x2.splat(1.0), t));
  const signed = v128.or(ratio, v128.and(x, i64x2.splat(0x8000000000000000)));
  return v128.bitselect(series, signed, f64x2.lt(a, f64x2.splat(0.0625)));
}

/** The logistic function on two float64 lanes, without overflow for large |x|. */
// @ts-ignore: decorator
@inline function sigmoidF64x2(x: v128): v128 {
  // e = e^(−|x|) ≤ 1; σ(x) = 1/(1+e) for x ≥ 0 and e/(1+e) below.
  const e = expNegativeF64x2(f64x2.pmax(f64x2.neg(f64x2.abs(x)), f64x2.splat(-745.0)));
  const denominator = f64x2.add(f64x2.splat(1.0), e);
  const positive = f64x2.div(f64x2.splat(1.0), denominator);
  const negative = f64x2.div(e, denominator);
  // NaN fails `x < 0` and takes the positive branch, where e = NaN keeps it NaN.
  return v128.bitselect(negative, positive, f64x2.lt(x, f64x2.splat(0)));
}

// (−1)ⁿ / (n! (2n+1)): the coefficients of erf's Maclaurin series in x², after the 2/√π factor.
const ERF_SERIES: StaticArray<f64> = [
  1.0,
  -0.3333333333333333,
  0.1,
  -0.023809523809523808,
  0.004629629629629629,
  -0.0007575757575757576,
  0.00010683760683760684,
  -1.3227513227513228e-05,
  1.4589169000933706e-06,
  -1.4503852223150468e-07,
  1.3122532963802806e-08,
  -1.0892221037148573e-09,
  8.35070279514724e-11,
  -5.9477940136376354e-12,
  3.9554295164585257e-13,
  -2.466827010264457e-14,
  1.4483264643598138e-15,
  -8.032735012415773e-17,
  4.221407288807088e-18,
  -2.107855191442136e-19,
  1.0025164934907719e-20,
  -4.5518467589282e-22,
  1.977064753877905e-23,
  -8.230149299214221e-25,
  3.289260349175752e-26,
  -1.2641078988989164e-27,
  4.6784835155184856e-29,
  -1.669761793417372e-30,
  5.754191643982172e-32,
  -1.9169428621097826e-33,
  6.180307588222796e-35,
  -1.930357208815108e-36,
  5.846755007468836e-38,
  -1.7188560628017835e-39,
  4.908923964523423e-41,
  -1.3630412617791396e-42,
  3.6824935154611457e-44,
  -9.687280238870761e-46,
  2.483069097454912e-47,
  -6.205657919637397e-49,
  1.5131079495412172e-50,
  -3.601579309810126e-52,
  8.373419683872282e-54,
  -1.9025412272898796e-55,
  4.2267897541935526e-57,
];

/**
 * erf on two float64 lanes. |x| < 3: the Maclaurin series erf x = 2/√π Σ (−1)ⁿ x^(2n+1)/(n!(2n+1)),
 * summed to n = 44 where the remainder is under 1e-13 (cancellation costs at most 1e-11).
 * |x| ≥ 3: 1 − e^(−x²)/(x√π)·(1 − 1/(2x²) + 3/(4x⁴) − 15/(8x⁶)), whose error (< 3e-4 of erfc
 * < 2.3e-5) is far below float32's half-ulp of 1. Past 4, erf rounds to ±1 in float32.
 */
// @ts-ignore: decorator
@inline function erfF64x2(x: v128): v128 {
  const a = f64x2.pmin(f64x2.abs(x), f64x2.splat(4.0));
  const a2 = f64x2.mul(a, a);
  let s = f64x2.splat(0);
  for (let n = ERF_SERIES.length - 1; n >= 0; n--) {
    s = madd64(s, a2, f64x2.splat(unchecked(ERF_SERIES[n])));
  }
  const series = f64x2.mul(f64x2.mul(s, a), f64x2.splat(1.1283791670955126));
  const inverse2 = f64x2.div(f64x2.splat(1.0), a2);
  let tail = f64x2.splat(-15.0 / 8.0);
  tail = madd64(tail, inverse2, f64x2.splat(3.0 / 4.0));
  tail = madd64(tail, inverse2, f64x2.splat(-0.5));
  tail = madd64(tail, inverse2, f64x2.splat(1.0));
  const gauss = expNegativeF64x2(f64x2.neg(a2));
  const erfc = f64x2.div(f64x2.mul(gauss, tail), f64x2.mul(a, f64x2.splat(1.7724538509055159)));
  const large = f64x2.sub(f64x2.splat(1.0), erfc);
  const magnitude = v128.bitselect(series, large, f64x2.lt(a, f64x2.splat(3.0)));
  // Put the sign of x back; NaN (where a = pmin(NaN, 4) is NaN) is returned as is.
  const result = v128.or(magnitude, v128.and(x, i64x2.splat(0x8000000000000000)));
  return v128.bitselect(x, result, f64x2.ne(x, x));
}

// @ts-ignore: decorator
@inline export function tanhF32x4(x: v128): v128 {
  return joinF32(tanhF64x2(lowF64(x)), tanhF64x2(highF64(x)));
}

// @ts-ignore: decorator
@inline export function sigmoidF32x4(x: v128): v128 {
  return joinF32(sigmoidF64x2(lowF64(x)), sigmoidF64x2(highF64(x)));
}

// @ts-ignore: decorator
@inline export function erfF32x4(x: v128): v128 {
  return joinF32(erfF64x2(lowF64(x)), erfF64x2(highF64(x)));
}
