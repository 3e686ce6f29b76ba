// WGSL float helpers for the unary kernels, accurate where the naive formula cancels (expm1 and
// log1p near 0, tanh near 0) and explicit about NaN and infinities, which WGSL leaves undefined.

/** expm1, log1p, tanh, sigmoid, softplus and erf in f32 (needs FLOAT_HELPERS). */
export const UNARY_MATH = /* wgsl */ `
fn safeLog(x: f32) -> f32 {
  if (isNan(x) || x < 0.0) { return nan(); }
  if (x == 0.0) { return -inf(); }
  // On [0.5, 2] x − 1 is exact (Sterbenz) and log1p keeps the digits WGSL's log may not.
  if (x > 0.5 && x < 2.0) { return log1pf(x - 1.0); }
  return log(x);
}
fn safeSqrt(x: f32) -> f32 { return select(sqrt(x), nan(), x < 0.0 || isNan(x)); }
// WGSL promises log only an absolute error of 2⁻²¹ for arguments in [0.5, 2], so log(1 + x) for
// small x may lose every digit (SwiftShader does): near 0, expm1 and log1p use series instead, and
// the library's log only where it is accurate relative to its result.
// expm1: Taylor to x¹¹/11! on |x| < 0.7 (truncation < 1e-9 relative); eˣ − 1 loses nothing beyond.
fn expm1f(x: f32) -> f32 {
  if (isNan(x)) { return x; }
  if (x > 88.7) { return inf(); }
  if (x < -17.0) { return -1.0; }
  if (abs(x) < 0.7) {
    var p = 1.0 + x * (1.0 / 11.0);
    p = 1.0 + x * (1.0 / 10.0) * p;
    p = 1.0 + x * (1.0 / 9.0) * p;
    p = 1.0 + x * (1.0 / 8.0) * p;
    p = 1.0 + x * (1.0 / 7.0) * p;
    p = 1.0 + x * (1.0 / 6.0) * p;
    p = 1.0 + x * (1.0 / 5.0) * p;
    p = 1.0 + x * (1.0 / 4.0) * p;
    p = 1.0 + x * (1.0 / 3.0) * p;
    p = 1.0 + x * 0.5 * p;
    return x * p;
  }
  return exp(x) - 1.0;
}
// log1p: on (−0.5, 1), 2·atanh(s) with s = x / (2 + x), |s| ≤ 1/3, as an odd series to s¹⁷/17
// (truncation < 2e-9 relative); elsewhere 1 + x lies outside [0.5, 2] and Kahan's
// ln(1 + x)·x / ((1 + x) − 1) corrects the rounding of 1 + x.
fn log1pf(x: f32) -> f32 {
  if (isNan(x) || x < -1.0) { return nan(); }
  if (x == -1.0) { return -inf(); }
  if (isInf(x)) { return x; }
  if (x > -0.5 && x < 1.0) {
    let s = x / (2.0 + x);
    let s2 = s * s;
    let p = 1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0
      + s2 * (1.0 / 11.0 + s2 * (1.0 / 13.0 + s2 * (1.0 / 15.0 + s2 * (1.0 / 17.0))))))));
    return 2.0 * s * p;
  }
  let u = 1.0 + x;
  return log(u) * x / (u - 1.0);
}
fn tanhf(x: f32) -> f32 {
  if (isNan(x)) { return x; }
  let e = expm1f(-2.0 * abs(x));
  let t = -e / (2.0 + e);
  return select(t, -t, x < 0.0);
}
fn sigmoidf(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + exp(-x)); }
  let e = exp(x);
  return e / (1.0 + e);
}
fn softplusf(x: f32) -> f32 {
  if (isNan(x)) { return x; }
  if (x > 0.0) { return x + log1pf(exp(-x)); }
  return log1pf(exp(x));
}
// sin and cos: WGSL only promises 2⁻¹¹ absolute error, so reduce by π/2 (Cody–Waite, π/2 split in
// three f32 parts) and evaluate Taylor polynomials on [−π/4, π/4] (truncation error < 3e-8).
fn sinPoly(r: f32) -> f32 {
  let r2 = r * r;
  return r + r * r2 * (-1.0 / 6.0 + r2 * (1.0 / 120.0 + r2 * (-1.0 / 5040.0 + r2 / 362880.0)));
}
fn cosPoly(r: f32) -> f32 {
  let r2 = r * r;
  return 1.0 + r2 * (-0.5 + r2 * (1.0 / 24.0 + r2 * (-1.0 / 720.0 + r2 / 40320.0)));
}
fn quadrantSin(x: f32, shift: i32) -> f32 {
  if (isNan(x) || isInf(x)) { return nan(); }
  let k = round(x * 0.6366197723675814);
  let r = ((x - k * 1.5703125) - k * 4.837512969970703e-4) - k * 7.549789954891882e-8;
  let q = (i32(k) + shift) & 3;
  if (q == 0) { return sinPoly(r); }
  if (q == 1) { return cosPoly(r); }
  if (q == 2) { return -sinPoly(r); }
  return -cosPoly(r);
}
fn sinf(x: f32) -> f32 { return quadrantSin(x, 0); }
// cos(x) = sin(x + π/2): one quadrant further.
fn cosf(x: f32) -> f32 { return quadrantSin(x, 1); }
// erf as the js backend computes it: a positive-term series below 3 (no cancellation), Laplace's
// continued fraction for erfc up to 6, and ±1 beyond (erfc < 2e-17 there).
fn erff(x: f32) -> f32 {
  if (isNan(x)) { return x; }
  let ax = abs(x);
  var result = 1.0;
  if (ax < 3.0) {
    let x2 = 2.0 * ax * ax;
    var term = 1.0;
    var total = 1.0;
    for (var n = 1; n < 80; n++) {
      term *= x2 / f32(2 * n + 1);
      total += term;
      if (term <= 1e-9 * total) { break; }
    }
    result = min(1.0, 2.0 * ax / 1.7724538509055159 * exp(-ax * ax) * total);
  } else if (ax < 6.0) {
    var f = ax;
    for (var n = 60; n >= 1; n--) { f = ax + f32(n) / 2.0 / f; }
    result = 1.0 - exp(-ax * ax) / 1.7724538509055159 / f;
  }
  return select(result, -result, x < 0.0);
}
`;
