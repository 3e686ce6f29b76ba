// Scalar float64 functions the standard library lacks, written to float64 accuracy.

const SQRT_PI: f64 = 1.7724538509055159;

/**
 * erf to float64 accuracy (the js backend's method): a positive-term series for |x| < 3 (no
 * cancellation), Laplace's continued fraction for erfc up to 6, and ±1 beyond, where erfc < 2e-17.
 */
export function erf64(x: f64): f64 {
  if (x != x) return x;
  const ax = Math.abs(x);
  let result: f64 = 1.0;
  if (ax < 3) {
    // erf(x) = 2x/√π · e^(−x²) · Σ (2x²)ⁿ / (1·3·…·(2n+1))
    const x2 = 2 * ax * ax;
    let term: f64 = 1.0;
    let sum: f64 = 1.0;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= x2 / <f64>(2 * n + 1);
      sum += term;
    }
    result = ((2 * ax) / SQRT_PI) * Math.exp(-ax * ax) * sum;
  } else if (ax < 6) {
    // erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))), evaluated bottom-up.
    let f = ax;
    for (let n = 80; n >= 1; n--) f = ax + <f64>n / 2 / f;
    result = 1 - Math.exp(-ax * ax) / SQRT_PI / f;
  }
  return x < 0 ? -result : result;
}

/** 1 / (1 + e^−x) without overflow: the exponential is only ever taken of −|x|. */
export function sigmoid64(x: f64): f64 {
  if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1.0 + e);
}

/** log(1 + e^x) without overflow. */
export function softplus64(x: f64): f64 {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * a^b with the IEEE 754 / C99 special cases NumPy, PyTorch and ONNX follow (1^b = 1 and
 * (−1)^±∞ = 1, even for NaN b), as the js reference computes it.
 */
export function pow64(a: f64, b: f64): f64 {
  if (a == 1.0 || (a == -1.0 && Math.abs(b) == Infinity)) return 1.0;
  return Math.pow(a, b);
}
