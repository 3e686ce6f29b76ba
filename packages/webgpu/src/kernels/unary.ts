import type { DType, OpName } from '@nagare/tensor';
import { Params } from '../runtime/params';
import { ANY_GPU_DTYPE, bufferOf, type WebGPUKernel } from './context';
import { UNARY_MATH } from './unary-math';
import { convert, elementwiseShader, FLOAT_HELPERS, groupsFor, storage, wgslType } from './wgsl';

/**
 * Each unary op's WGSL expression of `x`, by compute type: f32 for float outputs (ints are
 * converted on load), i32 for ops that keep an int32 input's dtype, and the bool-valued predicates.
 * Semantics follow the js backend: NaN passes through relu/step/sign, round is half-to-even
 * (WGSL's `round`), logicalNot and isNaN give 0/1.
 */
const FLOAT_EXPRESSIONS = {
  neg: '-x',
  abs: 'abs(x)',
  sign: 'select(select(x, -1.0, x < 0.0), 1.0, x > 0.0)',
  square: 'x * x',
  relu: 'select(select(0.0, x, x > 0.0), x, isNan(x))',
  step: 'select(select(0.0, 1.0, x > 0.0), x, isNan(x))',
  floor: 'floor(x)',
  ceil: 'ceil(x)',
  round: 'round(x)',
  exp: 'exp(x)',
  expm1: 'expm1f(x)',
  log: 'safeLog(x)',
  log1p: 'log1pf(x)',
  sqrt: 'safeSqrt(x)',
  rsqrt: '1.0 / safeSqrt(x)',
  reciprocal: '1.0 / x',
  sin: 'sinf(x)',
  cos: 'cosf(x)',
  tanh: 'tanhf(x)',
  sigmoid: 'sigmoidf(x)',
  softplus: 'softplusf(x)',
  erf: 'erff(x)',
} as const satisfies Partial<Record<OpName, string>>;

/** int32 → int32 ops (the 'keep' kind): wrapping integer arithmetic, as Int32Array stores do. */
const INT_EXPRESSIONS: Partial<Record<UnaryOpName, string>> = {
  neg: '-x',
  abs: 'abs(x)',
  sign: 'sign(x)',
  square: 'x * x',
  relu: 'max(x, 0)',
  step: 'select(0, 1, x > 0)',
  floor: 'x',
  ceil: 'x',
  round: 'x',
};

type UnaryOpName = keyof typeof FLOAT_EXPRESSIONS | 'logicalNot' | 'isNaN';

function unaryShader(op: UnaryOpName, inDtype: DType, outDtype: DType): string {
  const outType = wgslType(outDtype);
  const inType = wgslType(inDtype);
  let value: string;
  if (op === 'logicalNot') {
    value = `select(0u, 1u, x == ${inType === 'f32' ? '0.0' : `${inType}(0)`})`;
  } else if (op === 'isNaN') {
    value = inType === 'f32' ? 'select(0u, 1u, isNan(x))' : '0u';
  } else if (outType === 'i32') {
    value = INT_EXPRESSIONS[op] ?? 'x';
  } else {
    // NaN in, NaN out for every float op, whatever the GPU's built-ins do with it (exp(NaN) = ∞ on some).
    value = `select(${FLOAT_EXPRESSIONS[op]}, x, isNan(x))`;
  }
  const computeType = op === 'logicalNot' || op === 'isNaN' ? inType : outType;
  const body = `let x = ${convert('a[i]', inType, computeType)};\n  y[i] = ${value};`;
  const declarations = [storage(1, 'a', inDtype, 'read'), storage(2, 'y', outDtype, 'read_write')];
  return elementwiseShader([...declarations, FLOAT_HELPERS, UNARY_MATH], body);
}

function unaryKernel(op: UnaryOpName): WebGPUKernel<UnaryOpName> {
  return {
    supports: ANY_GPU_DTYPE,
    run(context, [x], _attrs, [y]) {
      context.dispatch({
        source: unaryShader(op, x.dtype, y.dtype),
        buffers: [bufferOf(x), bufferOf(y)],
        params: new Params().u32(y.size),
        workgroups: groupsFor(y.size),
      });
    },
  };
}

/** Every unary op's kernel (the op's `infer` has already refused bool where an op needs numbers). */
export const unaryKernels = Object.fromEntries(
  [...Object.keys(FLOAT_EXPRESSIONS), 'logicalNot', 'isNaN'].map((op) => [
    op,
    unaryKernel(op as UnaryOpName),
  ]),
) as { [K in UnaryOpName]: WebGPUKernel<K> };
