// Binary elementwise kernels over one contiguous run of n outputs. The run "mode" says which operand
// is a full vector and which a single value repeated (broadcast), so same-shape, scalar and
// row-vector cases all reach the vector loop; binary-strided.ts walks the outer axes.
import * as OP from '../src/kernels/opcodes';
import { at4, at8, loadPartial32, storePartial32 } from './lanes';
import { pow64 } from './math/scalar';

// @ts-ignore: decorator
@inline function powF32x4(a: v128, b: v128): v128 {
  // The reference computes a ** b in float64 and rounds once; do the same lane by lane.
  let y = f32x4.splat(<f32>pow64(<f64>f32x4.extract_lane(a, 0), <f64>f32x4.extract_lane(b, 0)));
  y = f32x4.replace_lane(y, 1, <f32>pow64(<f64>f32x4.extract_lane(a, 1), <f64>f32x4.extract_lane(b, 1)));
  y = f32x4.replace_lane(y, 2, <f32>pow64(<f64>f32x4.extract_lane(a, 2), <f64>f32x4.extract_lane(b, 2)));
  return f32x4.replace_lane(y, 3, <f32>pow64(<f64>f32x4.extract_lane(a, 3), <f64>f32x4.extract_lane(b, 3)));
}

// @ts-ignore: decorator
@inline function vectorF32(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case OP.BINARY_ADD: return f32x4.add(a, b);
    case OP.BINARY_SUB: return f32x4.sub(a, b);
    case OP.BINARY_MUL: return f32x4.mul(a, b);
    case OP.BINARY_DIV: return f32x4.div(a, b);
    case OP.BINARY_MAXIMUM: return f32x4.max(a, b);
    case OP.BINARY_MINIMUM: return f32x4.min(a, b);
    default: return powF32x4(a, b);
  }
}

// @ts-ignore: decorator
@inline function runF32(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  const sa = v128.load32_splat(a);
  const sb = v128.load32_splat(b);
  let i = 0;
  if (mode == OP.RUN_SCALAR_SCALAR) {
    const v = vectorF32(op, sa, sb);
    for (; i + 4 <= n; i += 4) v128.store(at4(y, i), v);
    if (i < n) storePartial32(at4(y, i), v, n - i);
    return;
  }
  // Four vectors per iteration with immediate offsets (see mapF32 in unary.ts).
  for (; i + 16 <= n; i += 16) {
    const pa = at4(a, i);
    const pb = at4(b, i);
    const py = at4(y, i);
    const y0 = vectorF32(op, mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(pa), mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(pb));
    const y1 = vectorF32(op, mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(pa, 16), mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(pb, 16));
    const y2 = vectorF32(op, mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(pa, 32), mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(pb, 32));
    const y3 = vectorF32(op, mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(pa, 48), mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(pb, 48));
    v128.store(py, y0);
    v128.store(py, y1, 16);
    v128.store(py, y2, 32);
    v128.store(py, y3, 48);
  }
  for (; i + 4 <= n; i += 4) {
    const va = mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(at4(a, i));
    const vb = mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(at4(b, i));
    v128.store(at4(y, i), vectorF32(op, va, vb));
  }
  if (i < n) {
    const va = mode == OP.RUN_SCALAR_VECTOR ? sa : loadPartial32(at4(a, i), n - i);
    const vb = mode == OP.RUN_VECTOR_SCALAR ? sb : loadPartial32(at4(b, i), n - i);
    storePartial32(at4(y, i), vectorF32(op, va, vb), n - i);
  }
}

// @ts-ignore: decorator
@inline function modesF32(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  switch (mode) {
    case OP.RUN_VECTOR_VECTOR: runF32(op, OP.RUN_VECTOR_VECTOR, a, b, y, n); break;
    case OP.RUN_VECTOR_SCALAR: runF32(op, OP.RUN_VECTOR_SCALAR, a, b, y, n); break;
    case OP.RUN_SCALAR_VECTOR: runF32(op, OP.RUN_SCALAR_VECTOR, a, b, y, n); break;
    default: runF32(op, OP.RUN_SCALAR_SCALAR, a, b, y, n);
  }
}

// One function per op: inlined all into one switch, Binaryen keeps the switch on `op` inside the
// vector loop (a br_table per vector, measured 2.5× slower on `add`); in a function of its own the
// op is a constant and the loop body is just the arithmetic.
function addF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_ADD, mode, a, b, y, n); }
function subF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_SUB, mode, a, b, y, n); }
function mulF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_MUL, mode, a, b, y, n); }
function divF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_DIV, mode, a, b, y, n); }
function maximumF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_MAXIMUM, mode, a, b, y, n); }
function minimumF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_MINIMUM, mode, a, b, y, n); }
function powF32(mode: i32, a: usize, b: usize, y: usize, n: i32): void { modesF32(OP.BINARY_POW, mode, a, b, y, n); }

/** y = a op b over n float32 outputs (arithmetic ops); `mode` marks broadcast operands. */
export function binaryRunF32(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  switch (op) {
    case OP.BINARY_ADD: addF32(mode, a, b, y, n); break;
    case OP.BINARY_SUB: subF32(mode, a, b, y, n); break;
    case OP.BINARY_MUL: mulF32(mode, a, b, y, n); break;
    case OP.BINARY_DIV: divF32(mode, a, b, y, n); break;
    case OP.BINARY_MAXIMUM: maximumF32(mode, a, b, y, n); break;
    case OP.BINARY_MINIMUM: minimumF32(mode, a, b, y, n); break;
    default: powF32(mode, a, b, y, n);
  }
}

// @ts-ignore: decorator
@inline function scalarF64(op: i32, a: f64, b: f64): f64 {
  switch (op) {
    case OP.BINARY_ADD: return a + b;
    case OP.BINARY_SUB: return a - b;
    case OP.BINARY_MUL: return a * b;
    case OP.BINARY_DIV: return a / b;
    case OP.BINARY_MAXIMUM: return a > b || a != a ? a : b;
    case OP.BINARY_MINIMUM: return a < b || a != a ? a : b;
    default: return pow64(a, b);
  }
}

/** y = a op b over n float64 outputs (arithmetic ops). */
export function binaryRunF64(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  const strideA: i32 = mode == OP.RUN_SCALAR_VECTOR || mode == OP.RUN_SCALAR_SCALAR ? 0 : 1;
  const strideB: i32 = mode == OP.RUN_VECTOR_SCALAR || mode == OP.RUN_SCALAR_SCALAR ? 0 : 1;
  for (let i = 0; i < n; i++) {
    store<f64>(at8(y, i), scalarF64(op, load<f64>(at8(a, i * strideA)), load<f64>(at8(b, i * strideB))));
  }
}

/** ToInt32 of a float64 (wraps modulo 2^32, as JavaScript stores into an Int32Array; NaN/±Inf → 0). */
// @ts-ignore: decorator
@inline export function toInt32(x: f64): i32 {
  if (!(Math.abs(x) < Infinity)) return 0;
  const t = Math.trunc(x);
  return <i32>(<i64>(t - Math.floor(t / 4294967296.0) * 4294967296.0));
}

// @ts-ignore: decorator
@inline function scalarI32(op: i32, a: i32, b: i32): i32 {
  switch (op) {
    case OP.BINARY_ADD: return a + b;
    case OP.BINARY_SUB: return a - b;
    // Through float64 like the js reference: ToInt32 of the (rounded) product.
    case OP.BINARY_MUL: return toInt32(<f64>a * <f64>b);
    case OP.BINARY_MAXIMUM: return a > b ? a : b;
    case OP.BINARY_MINIMUM: return a < b ? a : b;
    default: return toInt32(pow64(<f64>a, <f64>b));
  }
}

/** y = a op b over n int32 outputs (arithmetic ops, wrapping on overflow). */
export function binaryRunI32(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  const strideA: i32 = mode == OP.RUN_SCALAR_VECTOR || mode == OP.RUN_SCALAR_SCALAR ? 0 : 1;
  const strideB: i32 = mode == OP.RUN_VECTOR_SCALAR || mode == OP.RUN_SCALAR_SCALAR ? 0 : 1;
  for (let i = 0; i < n; i++) {
    store<i32>(at4(y, i), scalarI32(op, load<i32>(at4(a, i * strideA)), load<i32>(at4(b, i * strideB))));
  }
}

// @ts-ignore: decorator
@inline function compare<T>(op: i32, a: T, b: T): bool {
  switch (op) {
    case OP.BINARY_EQ: return a == b;
    case OP.BINARY_NE: return a != b;
    case OP.BINARY_LT: return a < b;
    case OP.BINARY_LE: return a <= b;
    case OP.BINARY_GT: return a > b;
    case OP.BINARY_GE: return a >= b;
    case OP.BINARY_LOGICAL_AND: return a != 0 && b != 0;
    default: return a != 0 || b != 0;
  }
}

/** A float32 comparison of four lanes as an all-ones/zero lane mask. */
// @ts-ignore: decorator
@inline function compareF32x4(op: i32, a: v128, b: v128): v128 {
  switch (op) {
    case OP.BINARY_EQ: return f32x4.eq(a, b);
    case OP.BINARY_NE: return f32x4.ne(a, b);
    case OP.BINARY_LT: return f32x4.lt(a, b);
    case OP.BINARY_LE: return f32x4.le(a, b);
    case OP.BINARY_GT: return f32x4.gt(a, b);
    default: return f32x4.ge(a, b);
  }
}

/** Sixteen float32 comparisons from i, narrowed to sixteen bool bytes. */
// @ts-ignore: decorator
@inline function compare16F32(op: i32, mode: i32, a: usize, b: usize, y: usize, i: i32): void {
  const sa = v128.load32_splat(a);
  const sb = v128.load32_splat(b);
  const at = <usize>i << 2;
  const a0 = mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(a + at);
  const a1 = mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(a + at, 16);
  const a2 = mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(a + at, 32);
  const a3 = mode == OP.RUN_SCALAR_VECTOR ? sa : v128.load(a + at, 48);
  const b0 = mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(b + at);
  const b1 = mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(b + at, 16);
  const b2 = mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(b + at, 32);
  const b3 = mode == OP.RUN_VECTOR_SCALAR ? sb : v128.load(b + at, 48);
  const low = i16x8.narrow_i32x4_s(compareF32x4(op, a0, b0), compareF32x4(op, a1, b1));
  const high = i16x8.narrow_i32x4_s(compareF32x4(op, a2, b2), compareF32x4(op, a3, b3));
  v128.store(y + <usize>i, v128.and(i8x16.narrow_i16x8_s(low, high), i8x16.splat(1)));
}

// @ts-ignore: decorator
@inline function compareTyped<T>(op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  const strideA: usize = mode == OP.RUN_SCALAR_VECTOR || mode == OP.RUN_SCALAR_SCALAR ? 0 : sizeof<T>();
  const strideB: usize = mode == OP.RUN_VECTOR_SCALAR || mode == OP.RUN_SCALAR_SCALAR ? 0 : sizeof<T>();
  let start = 0;
  if (isFloat<T>() && sizeof<T>() == 4 && op < OP.BINARY_LOGICAL_AND && mode != OP.RUN_SCALAR_SCALAR) {
    for (; start + 16 <= n; start += 16) {
      if (mode == OP.RUN_VECTOR_VECTOR) compare16F32(op, OP.RUN_VECTOR_VECTOR, a, b, y, start);
      else if (mode == OP.RUN_VECTOR_SCALAR) compare16F32(op, OP.RUN_VECTOR_SCALAR, a, b, y, start);
      else compare16F32(op, OP.RUN_SCALAR_VECTOR, a, b, y, start);
    }
  }
  for (let i = start; i < n; i++) {
    store<u8>(y + <usize>i, <u8>compare<T>(op, load<T>(a + <usize>i * strideA), load<T>(b + <usize>i * strideB)));
  }
}

/** Comparisons and logical ops: one bool byte per output; operands share `dtype`. */
export function compareRun(dtype: i32, op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  if (dtype == OP.DTYPE_FLOAT32) {
    // One specialised loop per comparison, so the vector loop has no switch inside.
    switch (op) {
      case OP.BINARY_EQ: compareTyped<f32>(OP.BINARY_EQ, mode, a, b, y, n); break;
      case OP.BINARY_NE: compareTyped<f32>(OP.BINARY_NE, mode, a, b, y, n); break;
      case OP.BINARY_LT: compareTyped<f32>(OP.BINARY_LT, mode, a, b, y, n); break;
      case OP.BINARY_LE: compareTyped<f32>(OP.BINARY_LE, mode, a, b, y, n); break;
      case OP.BINARY_GT: compareTyped<f32>(OP.BINARY_GT, mode, a, b, y, n); break;
      case OP.BINARY_GE: compareTyped<f32>(OP.BINARY_GE, mode, a, b, y, n); break;
      default: compareTyped<f32>(op, mode, a, b, y, n);
    }
  }
  else if (dtype == OP.DTYPE_FLOAT64) compareTyped<f64>(op, mode, a, b, y, n);
  else if (dtype == OP.DTYPE_INT32) compareTyped<i32>(op, mode, a, b, y, n);
  else compareTyped<u8>(op, mode, a, b, y, n);
}

/** Dispatches a run to the kernel of `dtype`; `op` is any binary op code. */
export function binaryRun(dtype: i32, op: i32, mode: i32, a: usize, b: usize, y: usize, n: i32): void {
  if (op >= OP.BINARY_EQ) compareRun(dtype, op, mode, a, b, y, n);
  else if (dtype == OP.DTYPE_FLOAT32) binaryRunF32(op, mode, a, b, y, n);
  else if (dtype == OP.DTYPE_FLOAT64) binaryRunF64(op, mode, a, b, y, n);
  else binaryRunI32(op, mode, a, b, y, n);
}
