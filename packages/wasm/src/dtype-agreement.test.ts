import {
  abs,
  add,
  argmax,
  type Backend,
  cast,
  ceil,
  clip,
  cos,
  createJsBackend,
  cumsum,
  type DType,
  div,
  eq,
  erf,
  exp,
  expm1,
  floor,
  ge,
  getBackend,
  gt,
  isNaN as isNaNOp,
  le,
  log,
  log1p,
  logicalAnd,
  logicalNot,
  logicalOr,
  lt,
  max,
  maximum,
  min,
  minimum,
  mul,
  ne,
  neg,
  pow,
  prod,
  reciprocal,
  relu,
  round,
  rsqrt,
  sigmoid,
  sign,
  sin,
  softplus,
  sqrt,
  square,
  step,
  sub,
  sum,
  type Tensor,
  tanh,
  tensor,
  tidy,
  useBackend,
  where,
} from '@nagare/tensor';
import { expectAllClose } from '@nagare/tensor/testing';
import { afterAll, describe, expect, test } from 'vitest';
import { createWasmBackend } from './index';

// Every elementwise op, reduction and cast over every dtype combination it accepts, on values
// that include the awkward ones (±0, ±Inf, NaN, halves, large integers), against the js backend.
// This reaches the conversion paths (int32 into float kernels, bool operands) the per-op cases
// only sample.
const js = createJsBackend();
const wasm = await createWasmBackend();
afterAll(() => wasm.destroy());

const FLOATS = [
  0,
  -0,
  1.5,
  -2.5,
  0.5,
  3,
  -7.25,
  1e6,
  -1e-3,
  100,
  -100,
  Number.NaN,
  Infinity,
  -Infinity,
  2.5,
  0.75,
];
const INTEGERS = [0, 1, -1, 7, -8, 3, 2, -5, 100000, -2147483648, 2147483647, 4, -3, 9, 12, -6];
const BOOLS = [0, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1];

function sample(dtype: DType, shape: number[], rotate = 0): Tensor {
  const source = dtype === 'bool' ? BOOLS : dtype === 'int32' ? INTEGERS : FLOATS;
  const size = shape.reduce((p, d) => p * d, 1);
  const values = Array.from({ length: size }, (_, i) => source[(i + rotate) % source.length]);
  return tensor(values, { dtype }).reshape(shape);
}

function runOn(
  backend: Backend,
  build: () => Tensor,
): { values: number[]; dtype: DType } | { error: string } {
  const previous = getBackend();
  useBackend(backend);
  try {
    return tidy(() => {
      const y = build();
      return { values: Array.from(y.dataSync(), Number), dtype: y.dtype };
    });
  } catch (error) {
    return { error: (error as Error).constructor.name };
  } finally {
    useBackend(previous);
  }
}

function expectSame(build: () => Tensor, tolerance = { rtol: 2e-6, atol: 1e-30 }): void {
  const expected = runOn(js, build);
  const actual = runOn(wasm, build);
  if ('error' in expected) {
    expect(actual).toEqual(expected); // the op rejects these dtypes on both backends alike
    return;
  }
  expect('error' in actual ? actual.error : actual.dtype).toBe(expected.dtype);
  if (!('error' in actual)) expectAllClose(actual.values, expected.values, tolerance);
}

const DTYPES: DType[] = ['float32', 'float64', 'int32', 'bool'];
type Unary = (x: Tensor) => Tensor;
type Binary = (a: Tensor, b: Tensor) => Tensor;
type Reduce = (x: Tensor, axis?: number | number[]) => Tensor;
const UNARY: Record<string, Unary> = {
  neg,
  abs,
  sign,
  square,
  relu,
  step,
  floor,
  ceil,
  round,
  exp,
  expm1,
  log,
  log1p,
  sqrt,
  rsqrt,
  reciprocal,
  sin,
  cos,
  tanh,
  sigmoid,
  softplus,
  erf,
  logicalNot,
  isNaN: isNaNOp,
};
const BINARY: Record<string, Binary> = {
  add,
  sub,
  mul,
  div,
  pow,
  maximum,
  minimum,
  eq,
  ne,
  lt,
  le,
  gt,
  ge,
  logicalAnd,
  logicalOr,
};
const REDUCE: Record<string, Reduce> = { sum, prod, max, min };

describe('unary ops', () => {
  for (const [name, op] of Object.entries(UNARY)) {
    test.each(DTYPES)(`${name} on %s`, (dtype) => {
      expectSame(() => op(sample(dtype, [4, 4])), { rtol: 3e-6, atol: 1e-30 });
    });
  }
});

describe('binary ops with mixed dtypes and broadcasting', () => {
  for (const [name, fn] of Object.entries(BINARY)) {
    test.each(DTYPES.flatMap((a) => DTYPES.map((b) => [a, b] as const)))(`${name} %s with %s`, (a, b) => {
      expectSame(() => fn(sample(a, [4, 4]), sample(b, [4, 4], 5)));
      expectSame(() => fn(sample(a, [2, 1, 4]), sample(b, [3, 1], 3)));
    });
  }
});

describe('reductions', () => {
  for (const [name, fn] of Object.entries(REDUCE)) {
    test.each(DTYPES)(`${name} on %s over each axis set`, (dtype) => {
      for (const axes of [undefined, 0, 1, 2, [0, 2]])
        expectSame(() => fn(sample(dtype, [2, 3, 4]), axes), { rtol: 1e-6, atol: 1e-30 });
    });
  }
});

test.each(DTYPES.flatMap((a) => DTYPES.map((b) => [a, b] as const)))('cast %s to %s', (from, to) => {
  expectSame(() => cast(sample(from, [16]), to));
});

test.each(['float32', 'float64', 'int32'] as const)('clip, cumsum, argmax and where on %s', (dtype) => {
  expectSame(() => clip(sample(dtype, [16]), -2, 3.5));
  expectSame(() => cumsum(sample(dtype, [4, 4]), 1));
  expectSame(() => argmax(sample(dtype, [4, 4]), 0));
  expectSame(() => where(sample('bool', [4, 4]), sample(dtype, [4, 4]), sample(dtype, [4], 2)));
});
