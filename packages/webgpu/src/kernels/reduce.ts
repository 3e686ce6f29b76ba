import type { DType, KernelTensor, ReduceAttrs } from '@nagare/tensor';
import { ANY_GPU_DTYPE, bufferOf, type KernelContext, NUMERIC_DTYPE, type WebGPUKernel } from './context';
import { type Reducer, reduceParams, treeReduceShader } from './tree-reduce';
import { wgslType } from './wgsl';

// The js backend's semantics: float32 sums as exactly as its float64 accumulator (a two-float
// sum: the rounding error of every addition is kept and added back at the end), int32 wraps,
// bool sums and multiplies as int32, max/min propagate NaN and reduce nothing to the dtype's
// lowest/highest value (max/min of bool are or/and).

/** float32 sum carried as (sum, rounding error) pairs; Knuth's TwoSum gives each addition's error. */
const FLOAT_SUM: Reducer = {
  state: 'vec2<f32>',
  functions: /* wgsl */ `
fn twoSum(a: f32, b: f32) -> vec2<f32> {
  let s = a + b;
  let bb = s - a;
  return vec2<f32>(s, (a - (s - bb)) + (b - bb));
}
fn initial() -> vec2<f32> { return vec2<f32>(0.0, 0.0); }
fn merge(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  let t = twoSum(a.x, b.x);
  return vec2<f32>(t.x, t.y + a.y + b.y);
}
fn absorb(s: vec2<f32>, v: f32, r: u32) -> vec2<f32> { return merge(s, vec2<f32>(v, 0.0)); }
// A NaN or infinite sum has no meaningful error term (∞ − ∞ made it NaN).
fn finish(s: vec2<f32>) -> f32 { return select(s.x + s.y, s.x, isNan(s.x) || isInf(s.x)); }
`,
};

/** A reducer whose state is the output value: `combine(a, b)` is the WGSL of one step. */
function simpleReducer(type: string, identity: string, combine: string, inType: string): Reducer {
  return {
    state: type,
    functions: /* wgsl */ `
fn initial() -> ${type} { return ${identity}; }
fn merge(a: ${type}, b: ${type}) -> ${type} { return ${combine}; }
fn absorb(s: ${type}, v: ${inType}, r: u32) -> ${type} { return merge(s, ${type}(v)); }
fn finish(s: ${type}) -> ${type} { return s; }
`,
  };
}

const INT32_MIN = 'bitcast<i32>(0x80000000u)';
const INT32_MAX = 'bitcast<i32>(0x7fffffffu)';

/** NaN wins, then the larger (or smaller) value. */
const floatMax = 'select(select(a, b, b > a || isNan(b)), a, isNan(a))';
const floatMin = 'select(select(a, b, b < a || isNan(b)), a, isNan(a))';

type ReduceOp = 'sum' | 'prod' | 'max' | 'min';

function reducerFor(op: ReduceOp, inDtype: DType): Reducer {
  const inType = wgslType(inDtype);
  if (inDtype === 'float32') {
    if (op === 'sum') return FLOAT_SUM;
    const [identity, combine] = {
      prod: ['1.0', 'a * b'],
      max: ['-inf()', floatMax],
      min: ['inf()', floatMin],
    }[op];
    return simpleReducer('f32', identity, combine, inType);
  }
  if (op === 'sum' || op === 'prod') {
    // bool counts as int32; i32 arithmetic wraps as the js backend's Int32Array store does.
    return simpleReducer('i32', op === 'sum' ? '0' : '1', op === 'sum' ? 'a + b' : 'a * b', inType);
  }
  const isBool = inDtype === 'bool';
  const identity = op === 'max' ? (isBool ? '0u' : INT32_MIN) : isBool ? '1u' : INT32_MAX;
  return simpleReducer(inType, identity, `${op}(a, b)`, inType);
}

function runReduce(
  op: ReduceOp,
  context: KernelContext,
  x: KernelTensor,
  axes: readonly number[],
  y: KernelTensor,
) {
  context.dispatch({
    source: treeReduceShader(x.dtype, y.dtype, reducerFor(op, x.dtype)),
    buffers: [bufferOf(x), bufferOf(y)],
    params: reduceParams(x.shape, axes, y.size),
    workgroups: y.size,
  });
}

function reduceKernel(op: ReduceOp): WebGPUKernel<ReduceOp> {
  return {
    supports: ANY_GPU_DTYPE,
    run: (context, [x], { axes }: ReduceAttrs, [y]) => runReduce(op, context, x, axes, y),
  };
}

/**
 * argmax/argmin state: the best value and its index (−1: nothing yet). The first NaN wins; ties go
 * to the lower index, or the higher one when word 2 (selectLastIndex) is set.
 */
function argReducer(inDtype: DType, better: '>' | '<'): Reducer {
  const T = wgslType(inDtype);
  const nan = T === 'f32' ? 'isNan' : 'noNan';
  return {
    state: 'Arg',
    functions: /* wgsl */ `
struct Arg { v: ${T}, i: i32 }
fn noNan(v: i32) -> bool { return false; }
fn initial() -> Arg { return Arg(${T}(0), -1); }
fn lower(a: Arg, b: Arg) -> Arg { if (b.i < a.i) { return b; } return a; }
fn tie(a: Arg, b: Arg) -> Arg {
  if ((b.i < a.i) != (pu(2u) != 0u)) { return b; }
  return a;
}
fn merge(a: Arg, b: Arg) -> Arg {
  if (a.i < 0) { return b; }
  if (b.i < 0) { return a; }
  let aNan = ${nan}(a.v);
  let bNan = ${nan}(b.v);
  if (aNan && bNan) { return lower(a, b); }
  if (aNan) { return a; }
  if (bNan) { return b; }
  if (a.v ${better} b.v) { return a; }
  if (b.v ${better} a.v) { return b; }
  return tie(a, b);
}
fn absorb(s: Arg, v: ${T}, r: u32) -> Arg { return merge(s, Arg(v, i32(r))); }
fn finish(s: Arg) -> i32 { return s.i; }
`,
  };
}

function argKernel(better: '>' | '<'): WebGPUKernel<'argmax' | 'argmin'> {
  return {
    supports: NUMERIC_DTYPE,
    run(context, [x], { axis, selectLastIndex }, [y]) {
      context.dispatch({
        source: treeReduceShader(x.dtype, 'int32', argReducer(x.dtype, better)),
        buffers: [bufferOf(x), bufferOf(y)],
        params: reduceParams(x.shape, [axis], y.size, selectLastIndex ? 1 : 0),
        workgroups: y.size,
      });
    },
  };
}

/** The reductions: sum, prod, max, min (axes, keepDims) and argmax, argmin (axis, selectLastIndex). */
export const reduceKernels = {
  sum: reduceKernel('sum'),
  prod: reduceKernel('prod'),
  max: reduceKernel('max'),
  min: reduceKernel('min'),
  argmax: argKernel('>'),
  argmin: argKernel('<'),
} satisfies { [K in ReduceOp | 'argmax' | 'argmin']: WebGPUKernel<K> };
