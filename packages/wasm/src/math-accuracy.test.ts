import { setFlagsFromString } from 'node:v8';
import {
  cos,
  erf,
  exp,
  expm1,
  jsKernels,
  log,
  log1p,
  sigmoid,
  sin,
  softplus,
  type Tensor,
  tanh,
  tensor,
  tidy,
  useBackend,
} from '@nagare/tensor';
import { describe, expect, test } from 'vitest';
import { createWasmBackend } from './index';

// The vectorised float32 approximations against float64 Math over the whole float32 range:
// every 1021st bit pattern (≈4.2M values: ±0, subnormals, normals, ±Inf and NaN payloads), plus a
// denser sweep of [−20, 20] where the functions change most. The error of each result is measured
// in float32 ulps of the exact (float64) value; the stated bound is 2 ulp.
const MAX_ULP = 2;

// Both binaries: the relaxed one fuses the polynomial steps' multiply-adds. Node 20 validates relaxed
// SIMD only behind a flag, set here before the first compile.
setFlagsFromString('--experimental-wasm-relaxed-simd');
const BACKENDS = {
  simd128: await createWasmBackend({ simd: 'simd128' }),
  relaxed: await createWasmBackend({ simd: 'relaxed' }),
};

function sweepInputs(): Float32Array {
  const bits: number[] = [];
  for (let k = 0; k < 2 ** 32; k += 1021) bits.push(k);
  bits.push(0x7f800000, 0xff800000, 0x7fc00000, 0x00000001, 0x80000001, 0x00800000, 0x7f7fffff, 0xff7fffff);
  // [−20, 20]: bit patterns of [0, 20] with both signs.
  for (let k = 0; k <= 0x41a00000; k += 997) bits.push(k, k + 0x80000000);
  const values = new Float32Array(new Uint32Array(bits).buffer);
  return values;
}

/** One float32 ulp at the magnitude of `value` (subnormal spacing below 2^-126). */
function ulpOf(value: number): number {
  const magnitude = Math.abs(value);
  if (magnitude < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(magnitude)) - 23);
}

/** The largest error in ulps, or Infinity when a special value (NaN, ±Inf) is wrong. */
function worstUlp(
  inputs: Float32Array,
  actual: Float32Array,
  exact: (x: number) => number,
): { ulp: number; at: number } {
  let worst = { ulp: 0, at: Number.NaN };
  for (let i = 0; i < inputs.length; i++) {
    const reference = exact(inputs[i]);
    const rounded = Math.fround(reference);
    const y = actual[i];
    let ulp: number;
    if (Number.isNaN(reference)) ulp = Number.isNaN(y) ? 0 : Infinity;
    else if (!Number.isFinite(rounded)) ulp = y === rounded ? 0 : Infinity;
    else ulp = Number.isFinite(y) ? Math.abs(y - reference) / ulpOf(reference) : Infinity;
    if (ulp > worst.ulp) worst = { ulp, at: inputs[i] };
  }
  return worst;
}

function erf64(x: number): number {
  const out = new Float64Array(1);
  jsKernels.erf([{ shape: [1], dtype: 'float64', data: Float64Array.of(x) }], {}, [
    { shape: [1], dtype: 'float64', data: out },
  ]);
  return out[0];
}

const CASES: [string, (x: Tensor) => Tensor, (x: number) => number][] = [
  ['exp', exp, Math.exp],
  ['log', log, Math.log],
  ['tanh', tanh, Math.tanh],
  ['sigmoid', sigmoid, (x) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)))],
  ['erf', erf, erf64],
  ['expm1', expm1, Math.expm1],
  ['log1p', log1p, Math.log1p],
  ['sin', sin, Math.sin],
  ['cos', cos, Math.cos],
  ['softplus', softplus, (x) => (x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x)))],
];

const inputs = sweepInputs();

describe.each(['simd128', 'relaxed'] as const)(
  'float32 approximations in the %s binary stay within 2 ulp of float64 Math',
  (level) => {
    test.each(CASES)('%s', (_name, op, exact) => {
      useBackend(BACKENDS[level]);
      const actual = tidy(() => op(tensor(inputs)).dataSync() as Float32Array);
      const worst = worstUlp(inputs, actual, exact);
      expect(worst.ulp, `worst at x = ${worst.at}`).toBeLessThanOrEqual(MAX_ULP);
    });

    test('special values: exp(±Inf), log(0), log(−1), erf(±Inf), sin(±Inf), ±0, NaN in, NaN out', () => {
      useBackend(BACKENDS[level]);
      const special = [Infinity, -Infinity, Number.NaN, 0, -0, -1];
      const read = (op: (x: Tensor) => Tensor) => Array.from(tidy(() => op(tensor(special)).dataSync()));
      expect(read(exp)).toEqual([Infinity, 0, Number.NaN, 1, 1, Math.fround(Math.exp(-1))]);
      expect(read(log)).toEqual([Infinity, Number.NaN, Number.NaN, -Infinity, -Infinity, Number.NaN]);
      expect(read(tanh)).toEqual([1, -1, Number.NaN, 0, -0, Math.fround(Math.tanh(-1))]);
      expect(read(sigmoid).slice(0, 5)).toEqual([1, 0, Number.NaN, 0.5, 0.5]);
      expect(read(erf).slice(0, 5)).toEqual([1, -1, Number.NaN, 0, -0]);
      expect(read(expm1)).toEqual([Infinity, -1, Number.NaN, 0, -0, Math.fround(Math.expm1(-1))]);
      expect(read(log1p)).toEqual([Infinity, Number.NaN, Number.NaN, 0, -0, -Infinity]);
      expect(read(sin)).toEqual([Number.NaN, Number.NaN, Number.NaN, 0, -0, Math.fround(Math.sin(-1))]);
      expect(read(cos)).toEqual([Number.NaN, Number.NaN, Number.NaN, 1, 1, Math.fround(Math.cos(-1))]);
      const ln2 = Math.fround(Math.LN2);
      expect(read(softplus)).toEqual([
        Infinity,
        0,
        Number.NaN,
        ln2,
        ln2,
        Math.fround(Math.log1p(Math.exp(-1))),
      ]);
    });
  },
);
