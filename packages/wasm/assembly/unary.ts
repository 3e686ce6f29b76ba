// Unary elementwise kernels. float32 runs four lanes at a time; float64 and int32 are scalar.
// Each kernel takes an element range [begin, end) so the thread pool can split the work.
import * as OP from '../src/kernels/opcodes';
import { at4, at8, loadPartial32, storePartial32 } from './lanes';
import { expF32x4, logF32x4 } from './math/exp-log';
import { expm1F32x4, log1pF32x4, softplusF32x4 } from './math/expm1-log1p';
import { erfF32x4, sigmoidF32x4, tanhF32x4 } from './math/f64-lanes';
import { toInt32 } from './binary';
import { erf64, sigmoid64, softplus64 } from './math/scalar';
import { cosF32x4, sinF32x4 } from './math/sin-cos';

/** The float32 op `op` on four lanes. NaN semantics follow the js reference backend. */
// @ts-ignore: decorator
@inline function vectorF32(op: i32, x: v128): v128 {
  const zero = f32x4.splat(0);
  const one = f32x4.splat(1);
  switch (op) {
    case OP.UNARY_NEG: return f32x4.neg(x);
    case OP.UNARY_ABS: return f32x4.abs(x);
    case OP.UNARY_SIGN:
      return v128.bitselect(one, v128.bitselect(f32x4.splat(-1), x, f32x4.lt(x, zero)), f32x4.gt(x, zero));
    case OP.UNARY_SQUARE: return f32x4.mul(x, x);
    case OP.UNARY_RELU: return v128.and(x, v128.or(f32x4.gt(x, zero), f32x4.ne(x, x)));
    case OP.UNARY_STEP: return v128.bitselect(x, v128.and(one, f32x4.gt(x, zero)), f32x4.ne(x, x));
    case OP.UNARY_FLOOR: return f32x4.floor(x);
    case OP.UNARY_CEIL: return f32x4.ceil(x);
    case OP.UNARY_ROUND: return f32x4.nearest(x);
    case OP.UNARY_EXP: return expF32x4(x);
    case OP.UNARY_EXPM1: return expm1F32x4(x);
    case OP.UNARY_LOG: return logF32x4(x);
    case OP.UNARY_LOG1P: return log1pF32x4(x);
    case OP.UNARY_SQRT: return f32x4.sqrt(x);
    case OP.UNARY_RSQRT: return f32x4.div(one, f32x4.sqrt(x));
    case OP.UNARY_RECIPROCAL: return f32x4.div(one, x);
    case OP.UNARY_SIN: return sinF32x4(x);
    case OP.UNARY_COS: return cosF32x4(x);
    case OP.UNARY_TANH: return tanhF32x4(x);
    case OP.UNARY_SIGMOID: return sigmoidF32x4(x);
    case OP.UNARY_SOFTPLUS: return softplusF32x4(x);
    default: return erfF32x4(x);
  }
}

// @ts-ignore: decorator
@inline function mapF32(op: i32, x: usize, y: usize, begin: i32, end: i32): void {
  let i = begin;
  // Four vectors per iteration with immediate offsets: a streaming kernel is bound by the loop's
  // instruction count (address arithmetic, compare, branch) before memory bandwidth.
  for (; i + 16 <= end; i += 16) {
    const px = at4(x, i);
    const py = at4(y, i);
    const y0 = vectorF32(op, v128.load(px));
    const y1 = vectorF32(op, v128.load(px, 16));
    const y2 = vectorF32(op, v128.load(px, 32));
    const y3 = vectorF32(op, v128.load(px, 48));
    v128.store(py, y0);
    v128.store(py, y1, 16);
    v128.store(py, y2, 32);
    v128.store(py, y3, 48);
  }
  for (; i + 4 <= end; i += 4) v128.store(at4(y, i), vectorF32(op, v128.load(at4(x, i))));
  if (i < end) storePartial32(at4(y, i), vectorF32(op, loadPartial32(at4(x, i), end - i)), end - i);
}

// The transcendental loops are functions of their own: inlined into one large switch they
// compiled measurably slower (binaryen does not inline functions with loops by default, so these stay apart).
function mapExpF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_EXP, x, y, begin, end);
}

function mapExpm1F32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_EXPM1, x, y, begin, end);
}

function mapLogF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_LOG, x, y, begin, end);
}

function mapLog1pF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_LOG1P, x, y, begin, end);
}

function mapSinF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_SIN, x, y, begin, end);
}

function mapCosF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_COS, x, y, begin, end);
}

function mapTanhF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_TANH, x, y, begin, end);
}

function mapSigmoidF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_SIGMOID, x, y, begin, end);
}

function mapSoftplusF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_SOFTPLUS, x, y, begin, end);
}

function mapErfF32(x: usize, y: usize, begin: i32, end: i32): void {
  mapF32(OP.UNARY_ERF, x, y, begin, end);
}

/** y[i] = op(x[i]) for float32, i in [begin, end). */
export function unaryF32(begin: i32, end: i32, op: i32, x: usize, y: usize): void {
  switch (op) {
    case OP.UNARY_NEG: mapF32(OP.UNARY_NEG, x, y, begin, end); break;
    case OP.UNARY_ABS: mapF32(OP.UNARY_ABS, x, y, begin, end); break;
    case OP.UNARY_SIGN: mapF32(OP.UNARY_SIGN, x, y, begin, end); break;
    case OP.UNARY_SQUARE: mapF32(OP.UNARY_SQUARE, x, y, begin, end); break;
    case OP.UNARY_RELU: mapF32(OP.UNARY_RELU, x, y, begin, end); break;
    case OP.UNARY_STEP: mapF32(OP.UNARY_STEP, x, y, begin, end); break;
    case OP.UNARY_FLOOR: mapF32(OP.UNARY_FLOOR, x, y, begin, end); break;
    case OP.UNARY_CEIL: mapF32(OP.UNARY_CEIL, x, y, begin, end); break;
    case OP.UNARY_ROUND: mapF32(OP.UNARY_ROUND, x, y, begin, end); break;
    case OP.UNARY_EXP: mapExpF32(x, y, begin, end); break;
    case OP.UNARY_EXPM1: mapExpm1F32(x, y, begin, end); break;
    case OP.UNARY_LOG: mapLogF32(x, y, begin, end); break;
    case OP.UNARY_LOG1P: mapLog1pF32(x, y, begin, end); break;
    case OP.UNARY_SQRT: mapF32(OP.UNARY_SQRT, x, y, begin, end); break;
    case OP.UNARY_RSQRT: mapF32(OP.UNARY_RSQRT, x, y, begin, end); break;
    case OP.UNARY_RECIPROCAL: mapF32(OP.UNARY_RECIPROCAL, x, y, begin, end); break;
    case OP.UNARY_SIN: mapSinF32(x, y, begin, end); break;
    case OP.UNARY_COS: mapCosF32(x, y, begin, end); break;
    case OP.UNARY_TANH: mapTanhF32(x, y, begin, end); break;
    case OP.UNARY_SIGMOID: mapSigmoidF32(x, y, begin, end); break;
    case OP.UNARY_SOFTPLUS: mapSoftplusF32(x, y, begin, end); break;
    case OP.UNARY_ERF: mapErfF32(x, y, begin, end); break;
    default: unreachable();
  }
}

/** The float64 op `op` on one value. */
// @ts-ignore: decorator
@inline function scalarF64(op: i32, x: f64): f64 {
  switch (op) {
    case OP.UNARY_NEG: return -x;
    case OP.UNARY_ABS: return Math.abs(x);
    case OP.UNARY_SIGN: return x > 0 ? 1.0 : x < 0 ? -1.0 : x;
    case OP.UNARY_SQUARE: return x * x;
    case OP.UNARY_RELU: return x > 0 || x != x ? x : 0.0;
    case OP.UNARY_STEP: return x > 0 ? 1.0 : x != x ? x : 0.0;
    case OP.UNARY_FLOOR: return Math.floor(x);
    case OP.UNARY_CEIL: return Math.ceil(x);
    case OP.UNARY_ROUND: return nearest<f64>(x);
    case OP.UNARY_EXP: return Math.exp(x);
    case OP.UNARY_EXPM1: return Math.expm1(x);
    case OP.UNARY_LOG: return Math.log(x);
    case OP.UNARY_LOG1P: return Math.log1p(x);
    case OP.UNARY_SQRT: return Math.sqrt(x);
    case OP.UNARY_RSQRT: return 1.0 / Math.sqrt(x);
    case OP.UNARY_RECIPROCAL: return 1.0 / x;
    case OP.UNARY_SIN: return Math.sin(x);
    case OP.UNARY_COS: return Math.cos(x);
    case OP.UNARY_TANH: return Math.tanh(x);
    case OP.UNARY_SIGMOID: return sigmoid64(x);
    case OP.UNARY_SOFTPLUS: return softplus64(x);
    default: return erf64(x);
  }
}

/** y[i] = op(x[i]) for float64, i in [begin, end). */
export function unaryF64(begin: i32, end: i32, op: i32, x: usize, y: usize): void {
  for (let i = begin; i < end; i++) store<f64>(at8(y, i), scalarF64(op, load<f64>(at8(x, i))));
}

/** y[i] = op(x[i]) for int32 (the ops that keep integer dtypes), i in [begin, end). */
export function unaryI32(begin: i32, end: i32, op: i32, x: usize, y: usize): void {
  for (let i = begin; i < end; i++) {
    const v = load<i32>(at4(x, i));
    let r = v;
    switch (op) {
      case OP.UNARY_NEG: r = -v; break;
      case OP.UNARY_ABS: r = v < 0 ? -v : v; break;
      case OP.UNARY_SIGN: r = v > 0 ? 1 : v < 0 ? -1 : 0; break;
      // Products go through float64 like the js reference (ToInt32 of the rounded product).
      case OP.UNARY_SQUARE: r = toInt32(<f64>v * <f64>v); break;
      case OP.UNARY_RELU: r = v > 0 ? v : 0; break;
      case OP.UNARY_STEP: r = v > 0 ? 1 : 0; break;
      default: break; // floor, ceil and round leave integers unchanged
    }
    store<i32>(at4(y, i), r);
  }
}

/** logicalNot / isNaN: a bool (one byte) per element from any input dtype, i in [begin, end). */
export function unaryToBool(begin: i32, end: i32, op: i32, dtype: i32, x: usize, y: usize): void {
  const isNot = op == OP.UNARY_LOGICAL_NOT;
  for (let i = begin; i < end; i++) {
    let result = false;
    if (dtype == OP.DTYPE_FLOAT32) {
      const v = load<f32>(at4(x, i));
      result = isNot ? v == 0 : v != v;
    } else if (dtype == OP.DTYPE_FLOAT64) {
      const v = load<f64>(at8(x, i));
      result = isNot ? v == 0 : v != v;
    } else if (dtype == OP.DTYPE_INT32) {
      result = isNot && load<i32>(at4(x, i)) == 0;
    } else {
      result = isNot && load<u8>(x + <usize>i) == 0;
    }
    store<u8>(y + <usize>i, <u8>result);
  }
}
