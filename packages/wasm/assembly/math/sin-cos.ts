// sin and cos for four float32 lanes, computed in two float64x2 halves. The argument reduction is
// exact where it matters (see sinCosF64x2) for |x| ≤ 2^23; lanes beyond that, and ±Inf, take the
// float64 library's exact reduction, one lane at a time. Within 1 ulp over the whole float32
// range (src/math-accuracy.test.ts checks ≤ 2 ulp, ±Inf and NaN included).
import { ROUNDING_MAGIC } from './expm1-log1p';
import { highF64, joinF32, lowF64, madd64 } from './f64-lanes';

const TWO_OVER_PI: f64 = 0.6366197723675814;
// π/2 = PIO2_1 + PIO2_2 + PIO2_3 (to 2^-113): the first two are truncated to 30 significant bits,
// so k·PIO2_1 and k·PIO2_2 are exact for |k| < 2^23, and all three are positive, so subtracting
// k·PIO2_i = +0 from r = −0 leaves −0.
const PIO2_1: f64 = 1.570796325802803;
const PIO2_2: f64 = 9.920935791635221e-10;
const PIO2_3: f64 = 5.170182981794105e-19;
/** Largest |x| the vector reduction takes (then |k| < 2^23). */
const REDUCTION_LIMIT: f32 = 8388608.0;

/**
 * sin(x + quadrant·π/2) on two float64 lanes for |x| ≤ 2^23 (NaN gives NaN). Cody–Waite reduction
 * x = k·π/2 + r, |r| ≤ π/4: x − k·PIO2_1 is exact (for k ≠ 0 both are multiples of 2^-27 and the
 * difference is below 1), and so is the next step whenever |r| < 2^-6, so a small r keeps its
 * relative accuracy. Then the Taylor series of sin r to r^9 and cos r to r^10 (remainders below
 * 3e-9 and 2e-10 relative, a few hundredths of a float32 ulp).
 */
// @ts-ignore: decorator
@inline function sinCosF64x2(x: v128, quadrant: i64): v128 {
  // k = x·2/π rounded to an integer; the magic sum makes k = +0 at x = −0, so r keeps x's sign.
  const shifted = f64x2.add(f64x2.mul(x, f64x2.splat(TWO_OVER_PI)), f64x2.splat(ROUNDING_MAGIC));
  const k = f64x2.sub(shifted, f64x2.splat(ROUNDING_MAGIC));
  let r = f64x2.sub(x, f64x2.mul(k, f64x2.splat(PIO2_1)));
  r = f64x2.sub(r, f64x2.mul(k, f64x2.splat(PIO2_2)));
  r = f64x2.sub(r, f64x2.mul(k, f64x2.splat(PIO2_3)));
  const z = f64x2.mul(r, r);
  let s = f64x2.splat(1.0 / 362880.0);
  s = madd64(s, z, f64x2.splat(-1.0 / 5040.0));
  s = madd64(s, z, f64x2.splat(1.0 / 120.0));
  s = madd64(s, z, f64x2.splat(-1.0 / 6.0));
  // r·(1 + z·s) rather than r + r·z·s keeps the sign of −0.
  const sine = f64x2.mul(r, f64x2.add(f64x2.splat(1.0), f64x2.mul(z, s)));
  let c = f64x2.splat(-1.0 / 3628800.0);
  c = madd64(c, z, f64x2.splat(1.0 / 40320.0));
  c = madd64(c, z, f64x2.splat(-1.0 / 720.0));
  c = madd64(c, z, f64x2.splat(1.0 / 24.0));
  const halfZ = f64x2.mul(z, f64x2.splat(0.5));
  const cosine = f64x2.add(f64x2.sub(f64x2.splat(1.0), halfZ), f64x2.mul(f64x2.mul(z, z), c));
  // The low bits of `shifted` are k: quadrant k mod 4 is sin r, cos r, −sin r, −cos r.
  const q = i64x2.add(shifted, i64x2.splat(quadrant));
  const isOdd = i64x2.shr_s(i64x2.shl(q, 63), 63);
  const sign = i64x2.shl(i64x2.shr_u(q, 1), 63);
  return v128.xor(v128.bitselect(cosine, sine, isOdd), sign);
}

/** sin or cos of one lane in float64, rounded once (the library reduces any argument exactly). */
// @ts-ignore: decorator
@inline function libraryF32(x: f32, isCos: bool): f32 {
  return <f32>(isCos ? Math.cos(<f64>x) : Math.sin(<f64>x));
}

// @ts-ignore: decorator
@inline function sinCosF32x4(x: v128, isCos: bool): v128 {
  const quadrant: i64 = isCos ? 1 : 0;
  const y = joinF32(sinCosF64x2(lowF64(x), quadrant), sinCosF64x2(highF64(x), quadrant));
  const isHuge = f32x4.gt(f32x4.abs(x), f32x4.splat(REDUCTION_LIMIT));
  if (!v128.any_true(isHuge)) return y;
  let wide = f32x4.splat(libraryF32(f32x4.extract_lane(x, 0), isCos));
  wide = f32x4.replace_lane(wide, 1, libraryF32(f32x4.extract_lane(x, 1), isCos));
  wide = f32x4.replace_lane(wide, 2, libraryF32(f32x4.extract_lane(x, 2), isCos));
  wide = f32x4.replace_lane(wide, 3, libraryF32(f32x4.extract_lane(x, 3), isCos));
  return v128.bitselect(wide, y, isHuge);
}

// @ts-ignore: decorator
@inline export function sinF32x4(x: v128): v128 {
  return sinCosF32x4(x, false);
}

// @ts-ignore: decorator
@inline export function cosF32x4(x: v128): v128 {
  return sinCosF32x4(x, true);
}
