// Fused in-place optimizer updates (SGD, momentum, AdaGrad, Adadelta, RMSProp, Adam/AdamW,
// Adamax, Lion). Two elements at a time in float64 lanes: the same float64 arithmetic as the js
// reference, rounded once when stored, so both backends agree. Each element is read completely
// before it is written, so outputs may be the input buffers (runInPlace).
import * as OP from '../src/kernels/opcodes';

export const UPDATE_SGD = 0;
export const UPDATE_MOMENTUM = 1;
export const UPDATE_ADAGRAD = 2;
export const UPDATE_ADADELTA = 3;
export const UPDATE_RMSPROP = 4;
export const UPDATE_ADAM = 5;
export const UPDATE_ADAMAX = 6;
export const UPDATE_LION = 7;

// float64 words of the parameter block (src/kernels/optimizer.ts writes it): buffer addresses,
// then the coefficients every update shares, then the update's own.
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
const C1 = 13;
const C2 = 14;
const C3 = 15;
const C4 = 16;
const C5 = 17;

// @ts-ignore: decorator
@inline function word(params: usize, index: i32): f64 {
  return load<f64>(params + (<usize>index << 3));
}

// @ts-ignore: decorator
@inline function pointer(params: usize, index: i32): usize {
  return <usize>word(params, index);
}

/** Elements i, i+1 (or just i when `isSingle`) as float64 lanes. */
// @ts-ignore: decorator
@inline function load2<T>(p: usize, i: i32, isSingle: bool): v128 {
  if (sizeof<T>() == 8) return isSingle ? v128.load64_zero(p + (<usize>i << 3)) : v128.load(p + (<usize>i << 3));
  return f64x2.promote_low_f32x4(isSingle ? v128.load32_zero(p + (<usize>i << 2)) : v128.load64_zero(p + (<usize>i << 2)));
}

// @ts-ignore: decorator
@inline function store2<T>(p: usize, i: i32, v: v128, isSingle: bool): void {
  if (sizeof<T>() == 8) {
    if (isSingle) v128.store64_lane(p + (<usize>i << 3), v, 0);
    else v128.store(p + (<usize>i << 3), v);
  } else {
    const narrow = f32x4.demote_f64x2_zero(v);
    if (isSingle) v128.store32_lane(p + (<usize>i << 2), narrow, 0);
    else v128.store64_lane(p + (<usize>i << 2), narrow, 0);
  }
}

// @ts-ignore: decorator
@inline function splat(params: usize, index: i32): v128 {
  return f64x2.splat(word(params, index));
}

// @ts-ignore: decorator
@inline function mul(a: v128, b: v128): v128 {
  return f64x2.mul(a, b);
}

// @ts-ignore: decorator
@inline function add(a: v128, b: v128): v128 {
  return f64x2.add(a, b);
}

// @ts-ignore: decorator
@inline function sub(a: v128, b: v128): v128 {
  return f64x2.sub(a, b);
}

/** One update of elements i (and i+1 unless `isSingle`), written like the js reference formula. */
// @ts-ignore: decorator
@inline function step<T>(kind: i32, params: usize, i: i32, isSingle: bool): void {
  const one = f64x2.splat(1);
  const x = load2<T>(pointer(params, X), i, isSingle);
  const decayed = mul(x, splat(params, DECAY));
  const lr = splat(params, LR);
  const g = add(load2<T>(pointer(params, G), i, isSingle), mul(splat(params, WEIGHT_DECAY), x));
  let update = g; // the quantity lr multiplies
  if (kind == UPDATE_MOMENTUM) {
    const momentum = splat(params, C0);
    const v = add(mul(momentum, load2<T>(pointer(params, S1), i, isSingle)), mul(sub(one, splat(params, C1)), g));
    store2<T>(pointer(params, S1_OUT), i, v, isSingle);
    update = word(params, C2) != 0 ? add(g, mul(momentum, v)) : v;
  } else if (kind == UPDATE_ADAGRAD) {
    const h = add(load2<T>(pointer(params, S1), i, isSingle), mul(g, g));
    store2<T>(pointer(params, S1_OUT), i, h, isSingle);
    update = f64x2.div(mul(lr, g), add(f64x2.sqrt(h), splat(params, C0)));
  } else if (kind == UPDATE_ADADELTA) {
    const rho = splat(params, C0);
    const eps = splat(params, C1);
    const u = load2<T>(pointer(params, S2), i, isSingle);
    const s = add(mul(rho, load2<T>(pointer(params, S1), i, isSingle)), mul(mul(sub(one, rho), g), g));
    // Zeiler's unit correction: RMS of past updates over RMS of gradients.
    const delta = mul(f64x2.div(f64x2.sqrt(add(u, eps)), f64x2.sqrt(add(s, eps))), g);
    store2<T>(pointer(params, S1_OUT), i, s, isSingle);
    store2<T>(pointer(params, S2_OUT), i, add(mul(rho, u), mul(mul(sub(one, rho), delta), delta)), isSingle);
    update = delta;
  } else if (kind == UPDATE_RMSPROP) {
    const alpha = splat(params, C0);
    const s = add(mul(alpha, load2<T>(pointer(params, S1), i, isSingle)), mul(mul(sub(one, alpha), g), g));
    store2<T>(pointer(params, S1_OUT), i, s, isSingle);
    let average: v128;
    if (word(params, C3) != 0) {
      const a = add(mul(alpha, load2<T>(pointer(params, S2), i, isSingle)), mul(sub(one, alpha), g));
      store2<T>(pointer(params, S2_OUT), i, a, isSingle);
      average = add(f64x2.sqrt(sub(s, mul(a, a))), splat(params, C1));
    } else {
      average = add(f64x2.sqrt(s), splat(params, C1));
    }
    update = f64x2.div(g, average);
    if (word(params, C2) > 0) {
      update = add(update, mul(splat(params, C2), load2<T>(pointer(params, S3), i, isSingle)));
      store2<T>(pointer(params, S3_OUT), i, update, isSingle);
    }
  } else if (kind == UPDATE_ADAM) {
    const beta1 = splat(params, C0);
    const beta2 = splat(params, C1);
    const m = add(mul(beta1, load2<T>(pointer(params, S1), i, isSingle)), mul(sub(one, beta1), g));
    let v = add(mul(beta2, load2<T>(pointer(params, S2), i, isSingle)), mul(mul(sub(one, beta2), g), g));
    store2<T>(pointer(params, S1_OUT), i, m, isSingle);
    store2<T>(pointer(params, S2_OUT), i, v, isSingle);
    if (word(params, C5) != 0) {
      v = f64x2.max(load2<T>(pointer(params, S3), i, isSingle), v);
      store2<T>(pointer(params, S3_OUT), i, v, isSingle);
    }
    // stepSize·m / (√v / √(1 − β2ᵗ) + ε); lr is replaced by stepSize below.
    update = f64x2.div(mul(splat(params, C3), m), add(f64x2.div(f64x2.sqrt(v), splat(params, C4)), splat(params, C2)));
  } else if (kind == UPDATE_ADAMAX) {
    const beta1 = splat(params, C0);
    const m = add(mul(beta1, load2<T>(pointer(params, S1), i, isSingle)), mul(sub(one, beta1), g));
    const u = f64x2.max(mul(splat(params, C1), load2<T>(pointer(params, S2), i, isSingle)), add(f64x2.abs(g), splat(params, C2)));
    store2<T>(pointer(params, S1_OUT), i, m, isSingle);
    store2<T>(pointer(params, S2_OUT), i, u, isSingle);
    update = f64x2.div(mul(splat(params, C3), m), u);
  } else if (kind == UPDATE_LION) {
    const beta1 = splat(params, C0);
    const beta2 = splat(params, C1);
    const m = load2<T>(pointer(params, S1), i, isSingle);
    const direction = add(mul(beta1, m), mul(sub(one, beta1), g));
    // Math.sign: ±1, and 0 or NaN unchanged.
    const zero = f64x2.splat(0);
    update = v128.bitselect(one, v128.bitselect(f64x2.splat(-1), direction, f64x2.lt(direction, zero)), f64x2.gt(direction, zero));
    store2<T>(pointer(params, S1_OUT), i, add(mul(beta2, m), mul(sub(one, beta2), g)), isSingle);
  }
  // AdaGrad, Adam and Adamax have lr (or their step size) inside the division already.
  const hasRate = kind == UPDATE_ADAGRAD || kind == UPDATE_ADAM || kind == UPDATE_ADAMAX;
  const result = hasRate ? sub(decayed, update) : sub(decayed, mul(lr, update));
  store2<T>(pointer(params, X_OUT), i, result, isSingle);
}

// @ts-ignore: decorator
@inline function updateTyped<T>(begin: i32, end: i32, kind: i32, params: usize): void {
  let i = begin;
  for (; i + 2 <= end; i += 2) step<T>(kind, params, i, false);
  if (i < end) step<T>(kind, params, i, true);
}

// @ts-ignore: decorator
@inline function updateKinds<T>(begin: i32, end: i32, kind: i32, params: usize): void {
  switch (kind) {
    case UPDATE_SGD: updateTyped<T>(begin, end, UPDATE_SGD, params); break;
    case UPDATE_MOMENTUM: updateTyped<T>(begin, end, UPDATE_MOMENTUM, params); break;
    case UPDATE_ADAGRAD: updateTyped<T>(begin, end, UPDATE_ADAGRAD, params); break;
    case UPDATE_ADADELTA: updateTyped<T>(begin, end, UPDATE_ADADELTA, params); break;
    case UPDATE_RMSPROP: updateTyped<T>(begin, end, UPDATE_RMSPROP, params); break;
    case UPDATE_ADAM: updateTyped<T>(begin, end, UPDATE_ADAM, params); break;
    case UPDATE_ADAMAX: updateTyped<T>(begin, end, UPDATE_ADAMAX, params); break;
    default: updateTyped<T>(begin, end, UPDATE_LION, params);
  }
}

/** Runs update `kind` on elements [begin, end) of float32 or float64 parameters. */
export function optimizerUpdate(begin: i32, end: i32, kind: i32, dtype: i32, params: usize): void {
  if (dtype == OP.DTYPE_FLOAT64) updateKinds<f64>(begin, end, kind, params);
  else updateKinds<f32>(begin, end, kind, params);
}
