// expm1, log1p and softplus for four float32 lanes, computed in two float64x2 halves like tanh and
// sigmoid: the float64 formulas below are accurate to about 1e-9 relative (a hundredth of an
// ulp), so the only visible error is the final rounding to float32 (src/math-accuracy.test.ts
// checks ≤ 2 ulp over the whole float32 range, ±Inf and NaN included).
import { highF64, joinF32, madd64, LN2_HI, LN2_LO, LOG2E, lowF64 } from './f64-lanes';

// Adding 1.5·2^52 rounds a float64 of magnitude below 2^51 to an integer (ties to even), and the
// low mantissa bits of the sum are that integer in two's complement.
export const ROUNDING_MAGIC: f64 = 6755399441055744.0;
const LN2: f64 = 0.6931471805599453;
const SQRT2: f64 = 1.4142135623730951;

// e^x = 2^k·(1 + q) with k an integer, x = k·ln2 + r, |r| ≤ ln2/2 and q = expm1(r). Callers
// clamp x to [−104, 89], past which e^x rounds to 0 or +Inf in float32, so 2^k is a normal float64.

/** x·log2(e) + ROUNDING_MAGIC: k in its low mantissa bits, and k itself after subtracting the magic. */
// @ts-ignore: decorator
@inline function expShifted(clamped: v128): v128 {
  return f64x2.add(f64x2.mul(clamped, f64x2.splat(LOG2E)), f64x2.splat(ROUNDING_MAGIC));
}

/** r = x − k·ln2 (Cody–Waite: k·LN2_HI is exact). */
// @ts-ignore: decorator
@inline function expRemainder(clamped: v128, k: v128): v128 {
  const high = f64x2.sub(clamped, f64x2.mul(k, f64x2.splat(LN2_HI)));
  return f64x2.sub(high, f64x2.mul(k, f64x2.splat(LN2_LO)));
}

/** expm1(r) for |r| ≤ ln2/2 by its Taylor series to r^8 (the remainder is below 1e-9 relative). */
// @ts-ignore: decorator
@inline function expm1Remainder(r: v128): v128 {
  let p = f64x2.splat(1.0 / 40320.0);
  p = madd64(p, r, f64x2.splat(1.0 / 5040.0));
  p = madd64(p, r, f64x2.splat(1.0 / 720.0));
  p = madd64(p, r, f64x2.splat(1.0 / 120.0));
  p = madd64(p, r, f64x2.splat(1.0 / 24.0));
  p = madd64(p, r, f64x2.splat(1.0 / 6.0));
  p = madd64(p, r, f64x2.splat(0.5));
  // r·(1 + r·p) rather than r + r²·p keeps the sign of −0.
  return f64x2.mul(r, f64x2.add(f64x2.splat(1.0), f64x2.mul(r, p)));
}

/** 2^k from the low bits of `shifted` (k + 1023 is in [1, 2046] after the clamp). */
// @ts-ignore: decorator
@inline function expScale(shifted: v128): v128 {
  return i64x2.shl(i64x2.add(shifted, i64x2.splat(1023)), 52);
}

/** e^x − 1 = 2^k·q + (2^k − 1): no cancellation, as for k ≠ 0 the result is at least 0.29 in size. */
// @ts-ignore: decorator
@inline function expm1F64x2(x: v128): v128 {
  // pmax/pmin return their first operand for NaN, so NaN flows through to the result.
  const clamped = f64x2.pmin(f64x2.pmax(x, f64x2.splat(-104.0)), f64x2.splat(89.0));
  const shifted = expShifted(clamped);
  // k = +0 at x = ±0 (the magic sum never gives −0), so r = x there.
  const k = f64x2.sub(shifted, f64x2.splat(ROUNDING_MAGIC));
  const q = expm1Remainder(expRemainder(clamped, k));
  const scale = expScale(shifted);
  const y = f64x2.add(f64x2.mul(scale, q), f64x2.sub(scale, f64x2.splat(1.0)));
  // For k = 0 the sum is q + 0, which would turn −0 into +0.
  return v128.bitselect(q, y, f64x2.eq(k, f64x2.splat(0)));
}

/**
 * ln(1 + x) on two float64 lanes (x from float32): −Inf at −1, NaN below. With u = 1 + x =
 * m·2^e, m in [√½, √2]: ln(1 + x) = e·ln2 + 2·atanh(s), s = f/(2 + f), f = m − 1, by the series
 * of atanh in s² to s^11 (|s| ≤ 0.172, so the remainder is below 6e-11 relative). Where e = 0 the
 * identity holds with f = x itself, which keeps tiny x exact (1 + x would round); elsewhere
 * |x| > 0.29 and u is exact (or, past 2^53, rounded by a negligible 2^-53).
 */
// @ts-ignore: decorator
@inline function log1pF64x2(x: v128): v128 {
  const u = f64x2.add(f64x2.splat(1.0), x);
  // The biased exponent as a float64: or-ing it into the mantissa of 2^52 gives 2^52 + bits.
  const biased = v128.or(i64x2.shr_u(u, 52), i64x2.splat(0x4330000000000000));
  let e = f64x2.sub(biased, f64x2.splat(4503599627370496.0 + 1023.0));
  let m = v128.or(v128.and(u, i64x2.splat(0x000fffffffffffff)), i64x2.splat(0x3ff0000000000000));
  const isLarge = f64x2.gt(m, f64x2.splat(SQRT2));
  m = v128.bitselect(f64x2.mul(m, f64x2.splat(0.5)), m, isLarge);
  e = f64x2.add(e, v128.and(isLarge, f64x2.splat(1.0)));
  const isCentral = f64x2.eq(e, f64x2.splat(0));
  const f = v128.bitselect(x, f64x2.sub(m, f64x2.splat(1.0)), isCentral);
  const s = f64x2.div(f, f64x2.add(f, f64x2.splat(2.0)));
  const z = f64x2.mul(s, s);
  let p = f64x2.splat(1.0 / 11.0);
  p = madd64(p, z, f64x2.splat(1.0 / 9.0));
  p = madd64(p, z, f64x2.splat(1.0 / 7.0));
  p = madd64(p, z, f64x2.splat(1.0 / 5.0));
  p = madd64(p, z, f64x2.splat(1.0 / 3.0));
  // 2s·(1 + z·p) keeps the sign of −0; adding e·ln2 = +0 would not, hence the select.
  const lnm = f64x2.mul(f64x2.add(s, s), f64x2.add(f64x2.splat(1.0), f64x2.mul(p, z)));
  let result = v128.bitselect(lnm, f64x2.add(f64x2.mul(e, f64x2.splat(LN2)), lnm), isCentral);
  // Special values: u = +Inf stays, u = 0 (x = −1) gives −Inf, u < 0 and NaN give NaN.
  result = v128.bitselect(u, result, f64x2.eq(u, f64x2.splat(Infinity)));
  const special = v128.bitselect(f64x2.splat(-Infinity), f64x2.splat(NaN), f64x2.eq(u, f64x2.splat(0)));
  return v128.bitselect(result, special, f64x2.gt(u, f64x2.splat(0)));
}

/**
 * ln(1 + e^x) on two float64 lanes, as the js reference computes it: max(x, 0) + ln(1 + e), with
 * e = e^−|x| in (0, 1]. There ln(1 + e) = 2·atanh(s), s = e/(2 + e) in (0, 1/3], needs no range
 * reduction: its series in s² to s^17 leaves a remainder below 2e-10 relative.
 */
// @ts-ignore: decorator
@inline function softplusF64x2(x: v128): v128 {
  // Below −104, e^x (and so softplus) rounds to 0 in float32; NaN passes pmax and stays NaN.
  const clamped = f64x2.pmax(f64x2.neg(f64x2.abs(x)), f64x2.splat(-104.0));
  const shifted = expShifted(clamped);
  const k = f64x2.sub(shifted, f64x2.splat(ROUNDING_MAGIC));
  const scale = expScale(shifted);
  const e = f64x2.add(scale, f64x2.mul(scale, expm1Remainder(expRemainder(clamped, k))));
  const s = f64x2.div(e, f64x2.add(e, f64x2.splat(2.0)));
  const z = f64x2.mul(s, s);
  let p = f64x2.splat(1.0 / 17.0);
  p = madd64(p, z, f64x2.splat(1.0 / 15.0));
  p = madd64(p, z, f64x2.splat(1.0 / 13.0));
  p = madd64(p, z, f64x2.splat(1.0 / 11.0));
  p = madd64(p, z, f64x2.splat(1.0 / 9.0));
  p = madd64(p, z, f64x2.splat(1.0 / 7.0));
  p = madd64(p, z, f64x2.splat(1.0 / 5.0));
  p = madd64(p, z, f64x2.splat(1.0 / 3.0));
  const log1pE = f64x2.mul(f64x2.add(s, s), f64x2.add(f64x2.splat(1.0), f64x2.mul(p, z)));
  const positivePart = v128.and(x, f64x2.gt(x, f64x2.splat(0)));
  return f64x2.add(positivePart, log1pE);
}

// @ts-ignore: decorator
@inline export function expm1F32x4(x: v128): v128 {
  return joinF32(expm1F64x2(lowF64(x)), expm1F64x2(highF64(x)));
}

// @ts-ignore: decorator
@inline export function log1pF32x4(x: v128): v128 {
  return joinF32(log1pF64x2(lowF64(x)), log1pF64x2(highF64(x)));
}

// @ts-ignore: decorator
@inline export function softplusF32x4(x: v128): v128 {
  return joinF32(softplusF64x2(lowF64(x)), softplusF64x2(highF64(x)));
}
