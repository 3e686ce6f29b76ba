import type { BinaryOpName } from '../../../ops/binary';
import { shapesEqual } from '../../../shape';
import type { JsKernel, JsTensor } from '../kernel-types';
import { broadcastIndex } from './broadcast';

const truthy = (x: number) => x !== 0;

/**
 * aᵇ with IEEE 754 / C99 pow special cases, which NumPy, PyTorch and ONNX follow: 1ᵇ = 1 and
 * (−1)^±∞ = 1, where JavaScript's `**` gives NaN.
 */
function powScalar(a: number, b: number): number {
  if (a === 1 || (a === -1 && (b === Number.POSITIVE_INFINITY || b === Number.NEGATIVE_INFINITY))) return 1;
  return a ** b;
}

/** The scalar function of each binary op. */
export const BINARY_FUNCTIONS: { [K in BinaryOpName]: (a: number, b: number) => number } = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: powScalar,
  maximum: (a, b) => (a > b || Number.isNaN(a) ? a : b),
  minimum: (a, b) => (a < b || Number.isNaN(a) ? a : b),
  eq: (a, b) => (a === b ? 1 : 0),
  ne: (a, b) => (a !== b ? 1 : 0),
  lt: (a, b) => (a < b ? 1 : 0),
  le: (a, b) => (a <= b ? 1 : 0),
  gt: (a, b) => (a > b ? 1 : 0),
  ge: (a, b) => (a >= b ? 1 : 0),
  logicalAnd: (a, b) => (truthy(a) && truthy(b) ? 1 : 0),
  logicalOr: (a, b) => (truthy(a) || truthy(b) ? 1 : 0),
};

function binaryKernel(fn: (a: number, b: number) => number): JsKernel<BinaryOpName> {
  return ([a, b], _attrs, [y]) => {
    const out = y.data;
    const n = out.length;
    const x = a.data;
    const z = b.data;
    // Fast paths: same shape, or one operand a single element.
    if (shapesEqual(a.shape, b.shape)) {
      for (let i = 0; i < n; i++) out[i] = fn(x[i], z[i]);
    } else if (z.length === 1) {
      const s = z[0];
      for (let i = 0; i < n; i++) out[i] = fn(x[i % x.length], s);
    } else if (x.length === 1) {
      const s = x[0];
      for (let i = 0; i < n; i++) out[i] = fn(s, z[i % z.length]);
    } else {
      const ia = broadcastIndex(a.shape, y.shape, n);
      const ib = broadcastIndex(b.shape, y.shape, n);
      for (let i = 0; i < n; i++) out[i] = fn(x[ia[i]], z[ib[i]]);
    }
  };
}

// add/sub/mul get hand-written loops: they dominate training and a closure call per element is slow.
const addKernel: JsKernel<'add'> = (inputs, attrs, outputs) =>
  elementwise(inputs, outputs, 0) || generic.add(inputs, attrs, outputs);
const subKernel: JsKernel<'sub'> = (inputs, attrs, outputs) =>
  elementwise(inputs, outputs, 1) || generic.sub(inputs, attrs, outputs);
const mulKernel: JsKernel<'mul'> = (inputs, attrs, outputs) =>
  elementwise(inputs, outputs, 2) || generic.mul(inputs, attrs, outputs);

function elementwise([a, b]: readonly JsTensor[], [y]: readonly JsTensor[], kind: 0 | 1 | 2): boolean {
  if (!shapesEqual(a.shape, b.shape) || y.dtype === 'bool') return false;
  const x = a.data;
  const z = b.data;
  const out = y.data;
  if (kind === 0) for (let i = 0; i < out.length; i++) out[i] = x[i] + z[i];
  else if (kind === 1) for (let i = 0; i < out.length; i++) out[i] = x[i] - z[i];
  else for (let i = 0; i < out.length; i++) out[i] = x[i] * z[i];
  return true;
}

const generic = Object.fromEntries(
  Object.entries(BINARY_FUNCTIONS).map(([name, fn]) => [name, binaryKernel(fn)]),
) as { [K in BinaryOpName]: JsKernel<K> };

export const binaryKernels: { [K in BinaryOpName]: JsKernel<K> } = {
  ...generic,
  add: addKernel,
  sub: subKernel,
  mul: mulKernel,
};

export const whereKernel: JsKernel<'where'> = ([c, a, b], _attrs, [y]) => {
  const n = y.data.length;
  const ic = broadcastIndex(c.shape, y.shape, n);
  const ia = broadcastIndex(a.shape, y.shape, n);
  const ib = broadcastIndex(b.shape, y.shape, n);
  const out = y.data;
  for (let i = 0; i < n; i++) out[i] = c.data[ic[i]] ? a.data[ia[i]] : b.data[ib[i]];
};
