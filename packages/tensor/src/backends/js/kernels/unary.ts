import type { UnaryOpName } from '../../../ops/unary';
import type { JsKernel } from '../kernel-types';

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erf to float64 accuracy: a positive-term series for |x| < 3 (no cancellation), Laplace's
 * continued fraction for erfc beyond, and ±1 past 6 where erfc < 2e-17.
 */
export function erfScalar(x: number): number {
  if (Number.isNaN(x)) return x;
  const ax = Math.abs(x);
  let result: number;
  if (ax < 3) {
    // erf(x) = 2x/√π · e^(−x²) · Σ (2x²)ⁿ / (1·3·…·(2n+1))
    const x2 = 2 * ax * ax;
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 200 && term > 1e-17 * sum; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
    }
    result = ((2 * ax) / SQRT_PI) * Math.exp(-ax * ax) * sum;
  } else if (ax < 6) {
    // erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3⁄2/(x + …)))), evaluated bottom-up.
    let f = ax;
    for (let n = 80; n >= 1; n--) f = ax + n / 2 / f;
    result = 1 - Math.exp(-ax * ax) / SQRT_PI / f;
  } else {
    result = 1;
  }
  return x < 0 ? -result : result;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x - Math.trunc(x)) === 0.5 ? 2 * Math.round(x / 2) : r;
}

/** The scalar function of each unary op; kernels map it over the input. */
export const UNARY_FUNCTIONS: { [K in UnaryOpName]: (x: number) => number } = {
  neg: (x) => -x,
  abs: Math.abs,
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : x),
  square: (x) => x * x,
  relu: (x) => (x > 0 ? x : Number.isNaN(x) ? x : 0),
  step: (x) => (x > 0 ? 1 : Number.isNaN(x) ? x : 0),
  floor: Math.floor,
  ceil: Math.ceil,
  round: roundHalfEven,
  exp: Math.exp,
  expm1: Math.expm1,
  log: Math.log,
  log1p: Math.log1p,
  sqrt: Math.sqrt,
  rsqrt: (x) => 1 / Math.sqrt(x),
  reciprocal: (x) => 1 / x,
  sin: Math.sin,
  cos: Math.cos,
  tanh: Math.tanh,
  sigmoid: (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x))),
  softplus: (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x))),
  erf: erfScalar,
  logicalNot: (x) => (x === 0 ? 1 : 0),
  isNaN: (x) => (Number.isNaN(x) ? 1 : 0),
};

function unaryKernel(fn: (x: number) => number): JsKernel<UnaryOpName> {
  return ([x], _attrs, [y]) => {
    const a = x.data;
    const out = y.data;
    for (let i = 0; i < out.length; i++) out[i] = fn(a[i]);
  };
}

export const unaryKernels = Object.fromEntries(
  Object.entries(UNARY_FUNCTIONS).map(([name, fn]) => [name, unaryKernel(fn)]),
) as { [K in UnaryOpName]: JsKernel<K> };

export const clipKernel: JsKernel<'clip'> = ([x], { min, max }, [y]) => {
  const a = x.data;
  const out = y.data;
  // max applies last, so min > max gives max everywhere (NumPy and ONNX); NaN passes through.
  for (let i = 0; i < out.length; i++) out[i] = Math.min(Math.max(a[i], min), max);
};

export const castKernel: JsKernel<'cast'> = ([x], { dtype }, [y]) => {
  const a = x.data;
  const out = y.data;
  if (dtype === 'bool') for (let i = 0; i < out.length; i++) out[i] = a[i] !== 0 ? 1 : 0;
  else if (dtype === 'int32')
    for (let i = 0; i < out.length; i++) out[i] = Number.isFinite(a[i]) ? Math.trunc(a[i]) : 0;
  else out.set(a);
};
