import { runOp } from '../engine';
import { DTypeError } from '../errors/dtype-error';
import type { OpName } from '../op-attrs';
import { defineOp, type OpDef } from '../op-registry';
import { broadcastShapes } from '../shape';
import type { Tensor } from '../tensor';
import { type DType, promoteTypes, toFloat } from '../types';
import { disposeConverted, type TensorLike, toTensorPair } from './tensor-like';

/** How a binary op's output dtype follows its (promoted) inputs. */
type BinaryKind = 'arithmetic' | 'float' | 'compare' | 'logical';

/** The binary elementwise ops with NumPy broadcasting, and their dtype rules. */
export const BINARY_KINDS = {
  add: 'arithmetic',
  sub: 'arithmetic',
  mul: 'arithmetic',
  div: 'float',
  pow: 'arithmetic',
  maximum: 'arithmetic',
  minimum: 'arithmetic',
  eq: 'compare',
  ne: 'compare',
  lt: 'compare',
  le: 'compare',
  gt: 'compare',
  ge: 'compare',
  logicalAnd: 'logical',
  logicalOr: 'logical',
} as const satisfies Partial<Record<OpName, BinaryKind>>;

export type BinaryOpName = keyof typeof BINARY_KINDS;

function outputDType(name: string, kind: BinaryKind, a: DType, b: DType): DType {
  const promoted = promoteTypes(a, b);
  switch (kind) {
    case 'arithmetic':
      // Arithmetic on booleans counts them as integers (true = 1), so add(bool, bool) is int32.
      return promoted === 'bool' ? 'int32' : promoted;
    case 'float':
      return toFloat(promoted);
    case 'compare':
    case 'logical':
      return 'bool';
    default:
      throw new DTypeError(name, 'unknown kind');
  }
}

function defineBinary<K extends BinaryOpName>(name: K): OpDef<K> {
  return defineOp({
    name,
    inputs: ['a', 'b'],
    infer: ([a, b]) => [
      {
        shape: broadcastShapes(name, a.shape, b.shape),
        dtype: outputDType(name, BINARY_KINDS[name], a.dtype, b.dtype),
      },
    ],
  });
}

/** The input dtype a binary kernel computes in: both operands promoted together. */
export function binaryComputeDType(name: BinaryOpName, a: DType, b: DType): DType {
  return BINARY_KINDS[name] === 'arithmetic' || BINARY_KINDS[name] === 'float'
    ? outputDType(name, BINARY_KINDS[name], a, b)
    : promoteTypes(a, b);
}

const defs = Object.fromEntries(
  Object.keys(BINARY_KINDS).map((name) => [name, defineBinary(name as BinaryOpName)]),
) as {
  [K in BinaryOpName]: OpDef<K>;
};

const binary = (def: OpDef) => (a: TensorLike, b: TensorLike) => {
  const pair = toTensorPair(def.name, a, b);
  try {
    return runOp(def, pair, {} as never)[0];
  } finally {
    disposeConverted([a, b], pair);
  }
};

/** a + b with broadcasting. */
export const add = binary(defs.add);
/** a − b with broadcasting. */
export const sub = binary(defs.sub);
/** a × b with broadcasting. */
export const mul = binary(defs.mul);
/** a ÷ b with broadcasting; true division, so integer inputs give float32. */
export const div = binary(defs.div);
/** aᵇ with broadcasting. */
export const pow = binary(defs.pow);
/** Elementwise larger of a and b (NaN wins). */
export const maximum = binary(defs.maximum);
/** Elementwise smaller of a and b (NaN wins). */
export const minimum = binary(defs.minimum);
/** a == b (bool). */
export const eq = binary(defs.eq);
/** a != b (bool). */
export const ne = binary(defs.ne);
/** a < b (bool). */
export const lt = binary(defs.lt);
/** a <= b (bool). */
export const le = binary(defs.le);
/** a > b (bool). */
export const gt = binary(defs.gt);
/** a >= b (bool). */
export const ge = binary(defs.ge);
/** Logical AND; non-zero is true. */
export const logicalAnd = binary(defs.logicalAnd);
/** Logical OR; non-zero is true. */
export const logicalOr = binary(defs.logicalOr);

const whereOp = defineOp({
  name: 'where',
  inputs: ['condition', 'a', 'b'],
  infer: ([condition, a, b]) => {
    if (condition.dtype !== 'bool')
      throw new DTypeError('where', 'condition must be bool', { condition: condition.dtype });
    const ab = broadcastShapes('where', a.shape, b.shape);
    const shape = broadcastShapes('where', condition.shape, ab, ['condition', 'a∘b']);
    if (a.dtype !== b.dtype)
      throw new DTypeError('where', 'a and b must have the same dtype', { a: a.dtype, b: b.dtype });
    return [{ shape, dtype: a.dtype }];
  },
});

/**
 * Picks `a` where `condition` is true and `b` elsewhere, broadcasting all three.
 *
 * @example
 * where(gt(x, 0), x, 0); // relu
 */
export function where(condition: Tensor, a: TensorLike, b: TensorLike): Tensor {
  const pair = toTensorPair('where', a, b);
  try {
    return runOp(whereOp, [condition, ...pair], {})[0];
  } finally {
    disposeConverted([a, b], pair);
  }
}
