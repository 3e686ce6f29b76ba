import type { DType } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { ANY_GPU_DTYPE, bufferOf, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { elementwiseShader, FLOAT_HELPERS, groupsFor, storage, wgslType } from './wgsl';

/**
 * clip(x, min, max) = min(max(x, min), max): max applies last, so min > max gives max everywhere;
 * NaN passes through. int32 results are the js backend's float result truncated toward zero.
 */
export const clipKernel: WebGPUKernel<'clip'> = {
  supports: NUMERIC_DTYPE,
  run(context, [x], { min, max }, [y]) {
    const body =
      x.dtype === 'float32'
        ? 'let v = x[i];\n  y[i] = select(min(max(v, pf(1u)), pf(2u)), v, isNan(v));'
        : `var v = x[i];
  if (f32(v) < pf(1u)) { v = i32(trunc(pf(1u))); }
  if (f32(v) > pf(2u)) { v = i32(trunc(pf(2u))); }
  y[i] = v;`;
    const declarations = [
      storage(1, 'x', x.dtype, 'read'),
      storage(2, 'y', y.dtype, 'read_write'),
      FLOAT_HELPERS,
    ];
    context.dispatch({
      source: elementwiseShader(declarations, body),
      buffers: [bufferOf(x), bufferOf(y)],
      params: new Params().u32(y.size).f32(min, max),
      workgroups: groupsFor(y.size),
    });
  },
};

/** The WGSL converting `v` (stored as `from`) to `to`, with the js backend's rules. */
function castExpression(from: DType, to: DType): string {
  if (from === to) return 'v';
  if (to === 'bool')
    return from === 'float32' ? 'select(1u, 0u, v == 0.0)' : `select(1u, 0u, v == ${wgslType(from)}(0))`;
  if (to === 'float32') return 'f32(v)';
  if (from === 'bool') return 'i32(v)';
  // float → int32: NaN and ±∞ give 0; otherwise truncate and wrap modulo 2³² as an Int32Array store
  // does (WGSL's i32() would saturate instead).
  return 'floatToInt32(v)';
}

const FLOAT_TO_INT32 = /* wgsl */ `
fn floatToInt32(v: f32) -> i32 {
  if (isNan(v) || isInf(v)) { return 0; }
  let t = trunc(v);
  if (abs(t) < 2147483648.0) { return i32(t); }
  // |t| ≥ 2³¹ is a multiple of 256 here, so t mod 2³² is exact in f32.
  return bitcast<i32>(u32(t - 4294967296.0 * floor(t / 4294967296.0)));
}
`;

/** cast between float32, int32 and bool (float64 is refused before a kernel runs). */
export const castKernel: WebGPUKernel<'cast'> = {
  supports: ANY_GPU_DTYPE,
  run(context, [x], _attrs, [y]) {
    // assign(t, t) casts a buffer onto itself (runInPlace): nothing to do, and binding one buffer
    // as both read and read_write is a WebGPU validation error.
    if (bufferOf(x) === bufferOf(y)) return;
    const declarations = [
      storage(1, 'x', x.dtype, 'read'),
      storage(2, 'y', y.dtype, 'read_write'),
      FLOAT_HELPERS,
      FLOAT_TO_INT32,
    ];
    context.dispatch({
      source: elementwiseShader(declarations, `let v = x[i];\n  y[i] = ${castExpression(x.dtype, y.dtype)};`),
      buffers: [bufferOf(x), bufferOf(y)],
      params: new Params().u32(y.size),
      workgroups: groupsFor(y.size),
    });
  },
};
