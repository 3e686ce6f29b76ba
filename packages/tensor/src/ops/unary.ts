import { runOp } from '../engine';
import { DTypeError } from '../errors/dtype-error';
import type { OpName } from '../op-attrs';
import { defineOp, type OpDef } from '../op-registry';
import type { Tensor } from '../tensor';
import { type DType, toFloat } from '../types';

/** How a unary op's output dtype follows its input. */
type UnaryKind = 'keep' | 'float' | 'bool';

function defineUnary<K extends OpName>(name: K, kind: UnaryKind): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x]) => {
      if (kind === 'keep' && x.dtype === 'bool') {
        throw new DTypeError(name, 'expected a numeric input', { x: x.dtype });
      }
      const dtype: DType = kind === 'keep' ? x.dtype : kind === 'float' ? toFloat(x.dtype) : 'bool';
      return [{ shape: x.shape, dtype }];
    },
  });
}

const unary = (def: OpDef) => (x: Tensor) => runOp(def, [x], {} as never)[0];

/** Names of the unary elementwise ops and how their output dtype follows the input. */
export const UNARY_KINDS = {
  neg: 'keep',
  abs: 'keep',
  sign: 'keep',
  square: 'keep',
  relu: 'keep',
  step: 'keep',
  floor: 'keep',
  ceil: 'keep',
  round: 'keep',
  exp: 'float',
  expm1: 'float',
  log: 'float',
  log1p: 'float',
  sqrt: 'float',
  rsqrt: 'float',
  reciprocal: 'float',
  sin: 'float',
  cos: 'float',
  tanh: 'float',
  sigmoid: 'float',
  softplus: 'float',
  erf: 'float',
  logicalNot: 'bool',
  isNaN: 'bool',
} as const satisfies Partial<Record<OpName, UnaryKind>>;

export type UnaryOpName = keyof typeof UNARY_KINDS;

const defs = Object.fromEntries(
  Object.entries(UNARY_KINDS).map(([name, kind]) => [name, defineUnary(name as UnaryOpName, kind)]),
) as { [K in UnaryOpName]: OpDef<K> };

/** Elementwise −x. */
export const neg = unary(defs.neg);
/** Elementwise |x|. */
export const abs = unary(defs.abs);
/** Elementwise sign: −1, 0 or 1 (NaN stays NaN). */
export const sign = unary(defs.sign);
/** Elementwise x². */
export const square = unary(defs.square);
/** Elementwise max(x, 0). Its derivative at 0 is taken as 0. */
export const relu = unary(defs.relu);
/** Heaviside step: 1 where x > 0, else 0. Its gradient is 0 everywhere. */
export const step = unary(defs.step);
/** Elementwise floor. */
export const floor = unary(defs.floor);
/** Elementwise ceiling. */
export const ceil = unary(defs.ceil);
/** Rounds to the nearest integer, halves to even (as NumPy, PyTorch and ONNX). */
export const round = unary(defs.round);
/** Elementwise eˣ. Integer inputs are promoted to float32. */
export const exp = unary(defs.exp);
/** Elementwise eˣ − 1, accurate near 0. */
export const expm1 = unary(defs.expm1);
/** Natural logarithm. */
export const log = unary(defs.log);
/** log(1 + x), accurate near 0. */
export const log1p = unary(defs.log1p);
/** Square root. */
export const sqrt = unary(defs.sqrt);
/** 1 / √x. */
export const rsqrt = unary(defs.rsqrt);
/** 1 / x. */
export const reciprocal = unary(defs.reciprocal);
/** Sine (radians). */
export const sin = unary(defs.sin);
/** Cosine (radians). */
export const cos = unary(defs.cos);
/** Hyperbolic tangent. */
export const tanh = unary(defs.tanh);
/** Logistic sigmoid 1 / (1 + e⁻ˣ), computed without overflow for large |x|. */
export const sigmoid = unary(defs.sigmoid);
/** softplus(x) = log(1 + eˣ), computed without overflow. */
export const softplus = unary(defs.softplus);
/** The Gauss error function, accurate to float64 rounding. */
export const erf = unary(defs.erf);
/** Elementwise logical NOT; any non-zero value is true. */
export const logicalNot = unary(defs.logicalNot);
/** True where x is NaN. */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the tensor op is named like NumPy's and PyTorch's isnan.
export const isNaN = unary(defs.isNaN);
