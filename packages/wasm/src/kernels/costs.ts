// Rough work per element of each kind of kernel, in GEMM flops (a multiply-add is 2), so the
// thread pool splits a kernel only when its pieces outlast a worker's wake-up. Calibrated on one
// machine: a vectorised memory-bound element costs about as long as 8 GEMM flops, a vectorised
// exp or log about 40, a float64 libm call (sin, expm1, pow) about 200.

/** A vectorised element that mostly moves memory (add, relu, cast, copies, reductions). */
export const COST_MEMORY = 8;
/**
 * A vectorised transcendental (exp, expm1, log, log1p, sin, cos, tanh, sigmoid, softplus, erf),
 * or a float64 element.
 */
export const COST_TRANSCENDENTAL = 40;
/** A scalar float64 library call per element. */
export const COST_SCALAR_MATH = 200;
