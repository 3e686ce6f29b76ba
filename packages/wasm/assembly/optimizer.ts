// Fused in-place optimizer updates (SGD, momentum, AdaGrad, Adadelta, RMSProp, Adam/AdamW,
// Adamax, Lion), written like the js reference's formulas. float32 parameters update four lanes
// at a time in float32 arithmetic (as PyTorch does), float64 ones two lanes in float64. Each
// element is read completely before it is written, so outputs may be the input buffers
// (runInPlace). The coefficients are read once per call, not per element.
import * as OP from '../src/kernels/opcodes';
import { loadPartial32, storePartial32 } from './lanes';

export const UPDATE_SGD = 0;
export const UPDATE_MOMENTUM = 1;
export const UPDATE_ADAGRAD = 2;
export const UPDATE_ADADELTA = 3;
export const UPDATE_RMSPROP = 4;
export const UPDATE_ADAM = 5;
export const UPDATE_ADAMAX = 6;
export const UPDATE_LION = 7;

// float64 words of the parameter block (src/kernels/optimizer.ts writes it): buffer addresses,
// then the coefficients every update shares, then the update's own (C0…C5).
const X = 0;
const G = 1;
const S1 = 2;
const S2 = 3;
const S3 = 4;
const X_OUT = 5;
const S1_OUT = 6;
const S2_OUT = 7;
const S3_OUT = 8;
const LR = 9;
const WEIGHT_DECAY = 10;
const DECAY = 11;
const C0 = 12;

// Lane-generic arithmetic: T = f32 works on f32x4, T = f64 on f64x2 (resolved at compile time).
// @ts-ignore: decorator
@inline function splat<T>(value: f64): v128 {
  return sizeof<T>() == 4 ? f32x4.splat(<f32>value) : f64x2.splat(value);
}
// @ts-ignore: decorator
@inline function add<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.add(a, b) : f64x2.add(a, b);
}
// @ts-ignore: decorator
@inline function sub<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.sub(a, b) : f64x2.sub(a, b);
}
// @ts-ignore: decorator
@inline function mul<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.mul(a, b) : f64x2.mul(a, b);
}
// @ts-ignore: decorator
@inline function div<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.div(a, b) : f64x2.div(a, b);
}
// @ts-ignore: decorator
@inline function sqrt<T>(a: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.sqrt(a) : f64x2.sqrt(a);
}
// @ts-ignore: decorator
@inline function maximum<T>(a: v128, b: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.max(a, b) : f64x2.max(a, b);
}
// @ts-ignore: decorator
@inline function abs<T>(a: v128): v128 {
  return sizeof<T>() == 4 ? f32x4.abs(a) : f64x2.abs(a);
}
/** Math.sign per lane: ±1, and 0 or NaN unchanged. */
// @ts-ignore: decorator
@inline function sign<T>(a: v128): v128 {
  const zero = splat<T>(0);
  const positive = sizeof<T>() == 4 ? f32x4.gt(a, zero) : f64x2.gt(a, zero);
  const negative = sizeof<T>() == 4 ? f32x4.lt(a, zero) : f64x2.lt(a, zero);
  return v128.bitselect(splat<T>(1), v128.bitselect(splat<T>(-1), a, negative), positive);
}

/** Elements [i, i + count) (count = all lanes, or fewer at the end) as one vector. */
// @ts-ignore: decorator
@inline function read<T>(p: usize, i: i32, count: i32): v128 {
  const at = p + <usize>i * sizeof<T>();
  if (sizeof<T>() == 4) return count == 4 ? v128.load(at) : loadPartial32(at, count);
  return count == 2 ? v128.load(at) : v128.load64_zero(at);
}

// @ts-ignore: decorator
@inline function write<T>(p: usize, i: i32, v: v128, count: i32): void {
  const at = p + <usize>i * sizeof<T>();
  if (sizeof<T>() == 4) {
    if (count == 4) v128.store(at, v);
    else storePartial32(at, v, count);
  } else if (count == 2) {
    v128.store(at, v);
  } else {
    v128.store64_lane(at, v, 0);
  }
}

/**
 * The coefficients of one call as vectors, splatted once before the loop rather than once per
 * element, and the flags the formulas branch on (nesterov, centered, momentum, amsgrad).
 */
// @ts-ignore: decorator
@inline function step<T>(kind: i32, i: i32, count: i32, px: usize, g0: usize, s1: usize, s2: usize, s3: usize, xOut: usize, s1Out: usize, s2Out: usize, s3Out: usize, lr: v128, weightDecay: v128, decay: v128, k0: v128, k1: v128, k2: v128, k3: v128, k4: v128, hasC2: bool, hasPositiveC2: bool, hasC3: bool, hasC5: bool): void {
  const one = splat<T>(1);
  const x = read<T>(px, i, count);
  const decayed = mul<T>(x, decay);
  const g = add<T>(read<T>(g0, i, count), mul<T>(weightDecay, x));
  let update = g; // what lr multiplies (or, for AdaGrad/Adam/Adamax, the whole subtracted step)
  if (kind == UPDATE_MOMENTUM) {
    const v = add<T>(mul<T>(k0, read<T>(s1, i, count)), mul<T>(sub<T>(one, k1), g));
    write<T>(s1Out, i, v, count);
    update = hasC2 ? add<T>(g, mul<T>(k0, v)) : v;
  } else if (kind == UPDATE_ADAGRAD) {
    const h = add<T>(read<T>(s1, i, count), mul<T>(g, g));
    write<T>(s1Out, i, h, count);
    update = div<T>(mul<T>(lr, g), add<T>(sqrt<T>(h), k0));
  } else if (kind == UPDATE_ADADELTA) {
    const rho = k0;
    const eps = k1;
    const previous = read<T>(s2, i, count);
    const s = add<T>(mul<T>(rho, read<T>(s1, i, count)), mul<T>(mul<T>(sub<T>(one, rho), g), g));
    // Zeiler's unit correction: RMS of past updates over RMS of gradients.
    const delta = mul<T>(div<T>(sqrt<T>(add<T>(previous, eps)), sqrt<T>(add<T>(s, eps))), g);
    write<T>(s1Out, i, s, count);
    write<T>(s2Out, i, add<T>(mul<T>(rho, previous), mul<T>(mul<T>(sub<T>(one, rho), delta), delta)), count);
    update = delta;
  } else if (kind == UPDATE_RMSPROP) {
    const alpha = k0;
    const s = add<T>(mul<T>(alpha, read<T>(s1, i, count)), mul<T>(mul<T>(sub<T>(one, alpha), g), g));
    write<T>(s1Out, i, s, count);
    let average: v128;
    if (hasC3) {
      const a = add<T>(mul<T>(alpha, read<T>(s2, i, count)), mul<T>(sub<T>(one, alpha), g));
      write<T>(s2Out, i, a, count);
      average = add<T>(sqrt<T>(sub<T>(s, mul<T>(a, a))), k1);
    } else {
      average = add<T>(sqrt<T>(s), k1);
    }
    update = div<T>(g, average);
    if (hasPositiveC2) {
      update = add<T>(update, mul<T>(k2, read<T>(s3, i, count)));
      write<T>(s3Out, i, update, count);
    }
  } else if (kind == UPDATE_ADAM) {
    const beta1 = k0;
    const beta2 = k1;
    const m = add<T>(mul<T>(beta1, read<T>(s1, i, count)), mul<T>(sub<T>(one, beta1), g));
    let v = add<T>(mul<T>(beta2, read<T>(s2, i, count)), mul<T>(mul<T>(sub<T>(one, beta2), g), g));
    write<T>(s1Out, i, m, count);
    write<T>(s2Out, i, v, count);
    if (hasC5) {
      v = maximum<T>(read<T>(s3, i, count), v);
      write<T>(s3Out, i, v, count);
    }
    // stepSize·m / (√v / √(1 − β2ᵗ) + ε)
    update = div<T>(mul<T>(k3, m), add<T>(div<T>(sqrt<T>(v), k4), k2));
  } else if (kind == UPDATE_ADAMAX) {
    const beta1 = k0;
    const m = add<T>(mul<T>(beta1, read<T>(s1, i, count)), mul<T>(sub<T>(one, beta1), g));
    const norm = maximum<T>(mul<T>(k1, read<T>(s2, i, count)), add<T>(abs<T>(g), k2));
    write<T>(s1Out, i, m, count);
    write<T>(s2Out, i, norm, count);
    update = div<T>(mul<T>(k3, m), norm);
  } else if (kind == UPDATE_LION) {
    const beta1 = k0;
    const beta2 = k1;
    const m = read<T>(s1, i, count);
    update = sign<T>(add<T>(mul<T>(beta1, m), mul<T>(sub<T>(one, beta1), g)));
    write<T>(s1Out, i, add<T>(mul<T>(beta2, m), mul<T>(sub<T>(one, beta2), g)), count);
  }
  const hasRate = kind == UPDATE_ADAGRAD || kind == UPDATE_ADAM || kind == UPDATE_ADAMAX;
  write<T>(xOut, i, hasRate ? sub<T>(decayed, update) : sub<T>(decayed, mul<T>(lr, update)), count);
}

// @ts-ignore: decorator
@inline function word(params: usize, index: i32): f64 {
  return load<f64>(params + (<usize>index << 3));
}

/**
 * Update `kind` over elements [begin, end). Inlined into one function per kind and lane type
 * below, so `kind` is a constant there and each loop holds only its own formula: when the eight
 * loops shared one function, binaryen folded them into a single loop that tested the kind and
 * re-splatted every coefficient for each vector (Adam ran at a third of its memory speed).
 */
// @ts-ignore: decorator
@inline function updateLoop<T>(kind: i32, begin: i32, end: i32, params: usize): void {
  // Read once into locals: stores to the buffers could alias the block, so the loop must not reload it.
  const px = <usize>word(params, X);
  const g0 = <usize>word(params, G);
  const s1 = <usize>word(params, S1);
  const s2 = <usize>word(params, S2);
  const s3 = <usize>word(params, S3);
  const xOut = <usize>word(params, X_OUT);
  const s1Out = <usize>word(params, S1_OUT);
  const s2Out = <usize>word(params, S2_OUT);
  const s3Out = <usize>word(params, S3_OUT);
  const lr = splat<T>(word(params, LR));
  const weightDecay = splat<T>(word(params, WEIGHT_DECAY));
  const decay = splat<T>(word(params, DECAY));
  const c2 = word(params, C0 + 2);
  const k0 = splat<T>(word(params, C0));
  const k1 = splat<T>(word(params, C0 + 1));
  const k2 = splat<T>(c2);
  const k3 = splat<T>(word(params, C0 + 3));
  const k4 = splat<T>(word(params, C0 + 4));
  const hasC2 = c2 != 0;
  const hasPositiveC2 = c2 > 0;
  const hasC3 = word(params, C0 + 3) != 0;
  const hasC5 = word(params, C0 + 5) != 0;
  const lanes = 16 / <i32>sizeof<T>();
  let i = begin;
  for (; i + lanes <= end; i += lanes) step<T>(kind, i, lanes, px, g0, s1, s2, s3, xOut, s1Out, s2Out, s3Out, lr, weightDecay, decay, k0, k1, k2, k3, k4, hasC2, hasPositiveC2, hasC3, hasC5);
  if (i < end) step<T>(kind, i, end - i, px, g0, s1, s2, s3, xOut, s1Out, s2Out, s3Out, lr, weightDecay, decay, k0, k1, k2, k3, k4, hasC2, hasPositiveC2, hasC3, hasC5);
}

// One function per update kind (each instantiated for f32 and f64): binaryen keeps functions with
// loops apart, so each stays specialized.
function sgdLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_SGD, begin, end, params); }
function momentumLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_MOMENTUM, begin, end, params); }
function adagradLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_ADAGRAD, begin, end, params); }
function adadeltaLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_ADADELTA, begin, end, params); }
function rmspropLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_RMSPROP, begin, end, params); }
function adamLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_ADAM, begin, end, params); }
function adamaxLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_ADAMAX, begin, end, params); }
function lionLoop<T>(begin: i32, end: i32, params: usize): void { updateLoop<T>(UPDATE_LION, begin, end, params); }

// @ts-ignore: decorator
@inline function updateKinds<T>(begin: i32, end: i32, kind: i32, params: usize): void {
  switch (kind) {
    case UPDATE_SGD: sgdLoop<T>(begin, end, params); break;
    case UPDATE_MOMENTUM: momentumLoop<T>(begin, end, params); break;
    case UPDATE_ADAGRAD: adagradLoop<T>(begin, end, params); break;
    case UPDATE_ADADELTA: adadeltaLoop<T>(begin, end, params); break;
    case UPDATE_RMSPROP: rmspropLoop<T>(begin, end, params); break;
    case UPDATE_ADAM: adamLoop<T>(begin, end, params); break;
    case UPDATE_ADAMAX: adamaxLoop<T>(begin, end, params); break;
    default: lionLoop<T>(begin, end, params);
  }
}

/** Runs update `kind` on elements [begin, end) of float32 or float64 parameters. */
export function optimizerUpdate(begin: i32, end: i32, kind: i32, dtype: i32, params: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) updateKinds<f64>(begin, end, kind, params);
  else updateKinds<f32>(begin, end, kind, params);
}
