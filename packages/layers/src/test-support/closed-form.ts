// Test-only float64 reference formulas, written independently of the library's kernels.

/** erfc(x) for x ≥ 2 by Simpson's rule on 2/√π·e^(−t²) over [x, x + 8] (relative error ~1e-13). */
function simpsonErfc(x: number): number {
  const steps = 4000;
  const h = 8 / steps;
  let total = 0;
  for (let i = 0; i <= steps; i++) {
    const weight = i === 0 || i === steps ? 1 : i % 2 ? 4 : 2;
    total += weight * Math.exp(-((x + i * h) ** 2));
  }
  return ((total * h) / 3) * (2 / Math.sqrt(Math.PI));
}

/** erfc(x) in float64 without cancellation in the tails. */
export function referenceErfc(x: number): number {
  if (x >= 2) return simpsonErfc(x);
  if (x <= -2) return 2 - simpsonErfc(-x);
  return 1 - referenceErf(x);
}

/** erf(x): Taylor series below |x| = 2 (accurate to ~1e-15 there), Simpson's erfc above. */
export function referenceErf(x: number): number {
  if (Math.abs(x) >= 2) return Math.sign(x) * (1 - simpsonErfc(Math.abs(x)));
  let term = x;
  let total = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    const next = term / (2 * n + 1);
    total += next;
    if (Math.abs(next) < 1e-17 * Math.abs(total)) break;
  }
  return (2 / Math.sqrt(Math.PI)) * total;
}

/** Points that cover both sides of every kink and the saturated tails. */
export const SAMPLE_POINTS = [-6, -3, -1.7, -0.5, -0.01, 0, 0.01, 0.5, 1.7, 3, 6, 25];
