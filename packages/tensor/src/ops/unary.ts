import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import type { OpName } from '../op-attrs';
import { defineOp, type OpDef } from '../op-registry';
import type { Tensor } from '../tensor';
import { type DType, toFloat } from '../types';
import { NO_ATTRS } from './tensor-like';

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

const unary = (def: OpDef) => (x: Tensor) => runOp(def, [x], NO_ATTRS as never)[0];

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

/**
 * Elementwise −x. Works on any shape.
 *
 * @example
 * neg(tensor([1, -2])); // [-1, 2]
 */
export const neg = unary(defs.neg);
/**
 * Elementwise |x|. Works on any shape.
 *
 * @example
 * abs(tensor([-1.5, 2])); // [1.5, 2]
 */
export const abs = unary(defs.abs);
/**
 * Elementwise sign: −1, 0 or 1 (NaN stays NaN). Works on any shape.
 *
 * @example
 * sign(tensor([-3, 0, 2])); // [-1, 0, 1]
 */
export const sign = unary(defs.sign);
/**
 * Elementwise x². Works on any shape.
 *
 * @example
 * square(tensor([-3, 2])); // [9, 4]
 */
export const square = unary(defs.square);
/**
 * Elementwise max(x, 0). Its derivative at 0 is taken as 0. Works on any shape.
 *
 * @example
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 */
export const relu = unary(defs.relu);
/**
 * Heaviside step: 1 where x > 0, else 0. Its gradient is 0 everywhere. Works on any shape.
 *
 * @example
 * step(tensor([-1, 0, 2])); // [0, 0, 1]
 */
export const step = unary(defs.step);
/**
 * Elementwise floor. Works on any shape.
 *
 * @example
 * floor(tensor([-1.5, 1.5])); // [-2, 1]
 */
export const floor = unary(defs.floor);
/**
 * Elementwise ceiling. Works on any shape.
 *
 * @example
 * ceil(tensor([-1.5, 1.5])); // [-1, 2]
 */
export const ceil = unary(defs.ceil);
/**
 * Rounds to the nearest integer, halves to even (as NumPy, PyTorch and ONNX). Works on any shape.
 *
 * @example
 * round(tensor([0.5, 1.5, 2.5, -2.5])); // [0, 2, 2, -2]
 */
export const round = unary(defs.round);
/**
 * Elementwise eˣ. Integer inputs are promoted to float32. Works on any shape.
 *
 * @example
 * exp(tensor([0, 1])); // [1, 2.7183]
 */
export const exp = unary(defs.exp);
/**
 * Elementwise eˣ − 1, accurate near 0. Works on any shape.
 *
 * @example
 * expm1(tensor([1e-10], { dtype: 'float64' })); // [1.00000000005e-10]
 */
export const expm1 = unary(defs.expm1);
/**
 * Natural logarithm. Works on any shape.
 *
 * @example
 * log(tensor([1, Math.E])); // [0, 1]
 */
export const log = unary(defs.log);
/**
 * log(1 + x), accurate near 0. Works on any shape.
 *
 * @example
 * log1p(tensor([1e-10], { dtype: 'float64' })); // [9.9999999995e-11]
 */
export const log1p = unary(defs.log1p);
/**
 * Square root. Works on any shape.
 *
 * @example
 * sqrt(tensor([4, 9])); // [2, 3]
 */
export const sqrt = unary(defs.sqrt);
/**
 * 1 / √x. Works on any shape.
 *
 * @example
 * rsqrt(tensor([4, 0.25])); // [0.5, 2]
 */
export const rsqrt = unary(defs.rsqrt);
/**
 * 1 / x. Works on any shape.
 *
 * @example
 * reciprocal(tensor([2, 0])); // [0.5, Infinity]
 */
export const reciprocal = unary(defs.reciprocal);
/**
 * Sine (radians). Works on any shape.
 *
 * @example
 * sin(tensor([0, Math.PI / 2])); // [0, 1]
 */
export const sin = unary(defs.sin);
/**
 * Cosine (radians). Works on any shape.
 *
 * @example
 * cos(tensor([0, Math.PI])); // [1, -1]
 */
export const cos = unary(defs.cos);
/**
 * Hyperbolic tangent. Works on any shape.
 *
 * @example
 * tanh(tensor([0, 100])); // [0, 1]
 */
export const tanh = unary(defs.tanh);
/**
 * Logistic sigmoid 1 / (1 + e⁻ˣ), computed without overflow for large |x|. Works on any shape.
 *
 * @example
 * sigmoid(tensor([0, -1000])); // [0.5, 0]
 */
export const sigmoid = unary(defs.sigmoid);
/**
 * softplus(x) = log(1 + eˣ), computed without overflow. Works on any shape.
 *
 * @example
 * softplus(tensor([0, 1000])); // [0.6931, 1000]
 */
export const softplus = unary(defs.softplus);
/**
 * The Gauss error function, within 1e-15 of the exact value in float64. Works on any shape.
 *
 * @example
 * erf(tensor([0, 1])); // [0, 0.8427]
 */
export const erf = unary(defs.erf);
/**
 * Elementwise logical NOT (bool output); any non-zero value, NaN included, is true. Works on any
 * shape.
 *
 * @example
 * logicalNot(tensor([0, 2])); // [true, false]
 */
export const logicalNot = unary(defs.logicalNot);
/**
 * True (bool) where x is NaN. Works on any shape.
 *
 * @example
 * isNaN(tensor([NaN, 1])); // [true, false]
 */
// biome-ignore lint/suspicious/noShadowRestrictedNames: the tensor op is named like NumPy's and PyTorch's isnan.
export const isNaN = unary(defs.isNaN);
