// Vectorised e^x and ln x for four float32 lanes. Both stay within 2 ulp of the exactly rounded
// result over the whole float32 range, ±Inf and NaN included (checked against float64 Math by
// src/math-accuracy.test.ts). The polynomials are Cephes' expf/logf minimax fits.

const LOG2E: f32 = 1.44269504088896341;
// ln 2 split in a 9-bit head (n·LN2_HI is exact for |n| ≤ 2^15) and the rounded tail.
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
const SQRT_HALF: f32 = 0.707106781186547524;

/** 2^n for integer lanes n in [-126, 127], built from the exponent bits. */
// @ts-ignore: decorator
@inline export function pow2i(n: v128): v128 {
  return i32x4.shl(i32x4.add(n, i32x4.splat(127)), 23);
}

/** e^x per lane. Results below 2^-126 keep their subnormal precision: the scale is applied in two halves. */
// @ts-ignore: decorator
@inline export function expF32x4(x: v128): v128 {
  // Past these bounds e^x is +Inf or rounds to 0; clamping keeps the exponent arithmetic in range.
  // pmax/pmin return the first operand for NaN, so NaN flows through to the result.
  const clamped = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-104.0)), f32x4.splat(89.0));
  const n = f32x4.nearest(f32x4.mul(clamped, f32x4.splat(LOG2E)));
  const r = f32x4.sub(f32x4.sub(clamped, f32x4.mul(n, f32x4.splat(LN2_HI))), f32x4.mul(n, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.98756915e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.39819995e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.33345191e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.16657959e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.66666655e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.00000012e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1.0));
  const ni = i32x4.trunc_sat_f32x4_s(n);
  const half = i32x4.shr_s(ni, 1);
  return f32x4.mul(f32x4.mul(p, pow2i(half)), pow2i(i32x4.sub(ni, half)));
}

/** ln x per lane: −Inf at 0, NaN below 0, subnormal inputs normalised first. */
// @ts-ignore: decorator
@inline export function logF32x4(x: v128): v128 {
  // Subnormals: scale by 2^23 so the exponent field is meaningful, and remember the shift.
  const isSubnormal = i32x4.lt_s(x, i32x4.splat(0x00800000));
  const scaled = v128.bitselect(f32x4.mul(x, f32x4.splat(8388608.0)), x, isSubnormal);
  const shift = v128.and(isSubnormal, i32x4.splat(23));
  // x = m · 2^e with m in [0.5, 1).
  let e = i32x4.sub(i32x4.sub(i32x4.shr_u(scaled, 23), i32x4.splat(126)), shift);
  const m = v128.or(v128.and(scaled, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  // Move m into [√½, √2) so the polynomial argument is centred on 0.
  const isSmall = f32x4.lt(m, f32x4.splat(SQRT_HALF));
  e = i32x4.add(e, isSmall); // the mask is −1 where true
  const t = f32x4.sub(f32x4.add(m, v128.and(m, isSmall)), f32x4.splat(1.0));
  const ef = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(t, t);
  let p = f32x4.splat(7.0376836292e-2);
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(-1.1514610310e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(1.1676998740e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(-1.2420140846e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(1.4249322787e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(-1.6668057665e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(2.0000714765e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(-2.4999993993e-1));
  p = f32x4.add(f32x4.mul(p, t), f32x4.splat(3.3333331174e-1));
  let y = f32x4.mul(f32x4.mul(p, t), z);
  y = f32x4.add(y, f32x4.mul(ef, f32x4.splat(LN2_LO)));
  y = f32x4.sub(y, f32x4.mul(z, f32x4.splat(0.5)));
  let result = f32x4.add(f32x4.add(t, y), f32x4.mul(ef, f32x4.splat(LN2_HI)));
  // Special values: +Inf stays, 0 gives −Inf, negatives and NaN give NaN.
  result = v128.bitselect(x, result, f32x4.eq(x, f32x4.splat(Infinity)));
  const special = v128.bitselect(f32x4.splat(-Infinity), f32x4.splat(NaN), f32x4.eq(x, f32x4.splat(0)));
  return v128.bitselect(result, special, f32x4.gt(x, f32x4.splat(0)));
}
