// WGSL for pow with the IEEE 754 / C99 special cases the js backend follows (1ᵇ = 1, (−1)^±∞ = 1,
// x⁰ = 1, negative bases with integer exponents), which WGSL's pow leaves undefined.
export const POW_WGSL = /* wgsl */ `
fn isOddInteger(b: f32) -> bool { return fract(b) == 0.0 && abs(b) < 16777216.0 && (i32(b) & 1) == 1; }
// Small integer exponents by repeated squaring: exact where exp2(b·log2 a) would round.
fn powInteger(a: f32, b: f32) -> f32 {
  var n = u32(abs(b));
  var base = a;
  var result = 1.0;
  while (n > 0u) {
    if ((n & 1u) == 1u) { result *= base; }
    base *= base;
    n >>= 1u;
  }
  return select(result, 1.0 / result, b < 0.0);
}
fn powf(a: f32, b: f32) -> f32 {
  if (b == 0.0 || a == 1.0) { return 1.0; }
  if (isNan(a) || isNan(b)) { return nan(); }
  let aa = abs(a);
  if (isInf(b)) {
    if (aa == 1.0) { return 1.0; }
    return select(0.0, inf(), (aa > 1.0) == (b > 0.0));
  }
  if (fract(b) == 0.0 && abs(b) <= 64.0) { return powInteger(a, b); }
  if (a == 0.0 || isInf(a)) {
    let magnitude = select(0.0, inf(), (a == 0.0) == (b < 0.0));
    return select(magnitude, -magnitude, a < 0.0 && isOddInteger(b));
  }
  if (a < 0.0 && fract(b) != 0.0) { return nan(); }
  let m = exp2(b * log2(aa));
  return select(m, -m, a < 0.0 && isOddInteger(b));
}
// int32 powers as the js backend stores them: negative exponents truncate toward 0 (1/aⁿ), 0⁻ⁿ = ∞ → 0.
fn powi(a: i32, b: i32) -> i32 {
  if (b < 0) {
    if (a == 1) { return 1; }
    if (a == -1) { return select(1, -1, (b & 1) == 1); }
    return 0;
  }
  var n = u32(b);
  var base = a;
  var result = 1;
  while (n > 0u) {
    if ((n & 1u) == 1u) { result *= base; }
    base *= base;
    n >>= 1u;
  }
  return result;
}
`;
