// WGSL float helpers for the unary kernels, accurate where the naive formula cancels (expm1 and
// log1p near 0, tanh near 0) and explicit about NaN and infinities, which WGSL leaves undefined.

/** expm1, log1p, tanh, sigmoid, softplus and erf in f32 (needs FLOAT_HELPERS). */
export const UNARY_MATH = /* wgsl */ `
fn safeLog(x: f32) -> f32 {
  if (isNan(x) || x < 0.0) { return NAN; }
  if (x == 0.0) { return -INF; }
  return log(x);
}
fn safeSqrt(x: f32) -> f32 { return select(sqrt(x), NAN, x < 0.0 || isNan(x)); }
// Kahan: (eˣ − 1)·x / ln(eˣ) cancels the rounding error of eˣ − 1.
fn expm1f(x: f32) -> f32 {
  if (isNan(x)) { return x; }
  if (x > 88.7) { return INF; }
  if (x < -17.0) { return -1.0; }
  let u = exp(x);
  if (u == 1.0) { return x; }
  let um1 = u - 1.0;
  if (um1 == -1.0) { return -1.0; }
  return um1 * x / log(u);
}
// Kahan: ln(1 + x)·x / ((1 + x) − 1) corrects the rounding of 1 + x.
fn log1pf(x: f32) -> f32 {
  if (isNan(x) || x < -1.0) { return NAN; }
  if (x == -1.0) { return -INF; }
  if (isInf(x)) { return x; }
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
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
