import { runOp } from '../engine/dispatch';
import { DTypeError } from '../errors/dtype-error';
import type { OpName } from '../op-attrs';
import { defineOp, type OpDef } from '../op-registry';
import { checkTensor } from '../operand';
import { broadcastShapes } from '../shape';
import { Tensor } from '../tensor';
import { type DType, promoteTypes, toFloat } from '../types';
import { disposeConverted, NO_ATTRS, type TensorLike, toTensorPair } from './tensor-like';

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
  // Two tensors (the usual case) need no conversion to clean up: skip the try/finally.
  if (a instanceof Tensor && b instanceof Tensor) return runOp(def, [a, b], NO_ATTRS as never)[0];
  const pair = toTensorPair(def.name, a, b);
  try {
    return runOp(def, pair, NO_ATTRS as never)[0];
  } finally {
    disposeConverted([a, b], pair);
  }
};

/**
 * a + b with NumPy broadcasting (shapes align from the right; length-1 axes stretch). A plain
 * number takes the other operand's dtype when it fits; otherwise dtypes promote
 * bool < int32 < float32 < float64, and bool + bool is int32.
 *
 * @example
 * add(tensor([[1], [2]]), tensor([10, 20])); // [[11, 21], [12, 22]]
 */
export const add = binary(defs.add);
/**
 * a − b with broadcasting.
 *
 * @example
 * sub(tensor([5, 6]), 1); // [4, 5]
 */
export const sub = binary(defs.sub);
/**
 * a × b with broadcasting.
 *
 * @example
 * mul(tensor([1, 2]), tensor([3, 4])); // [3, 8]
 */
export const mul = binary(defs.mul);
/**
 * a ÷ b with broadcasting; true division, so integer inputs give float32.
 *
 * @example
 * div(tensor([1, 3], { dtype: 'int32' }), 2); // float32 [0.5, 1.5]
 */
export const div = binary(defs.div);
/**
 * aᵇ with broadcasting.
 *
 * @example
 * pow(tensor([2, 3]), 2); // [4, 9]
 */
export const pow = binary(defs.pow);
/**
 * Elementwise larger of a and b (NaN wins).
 *
 * @example
 * maximum(tensor([1, NaN, 3]), 2); // [2, NaN, 3]
 */
export const maximum = binary(defs.maximum);
/**
 * Elementwise smaller of a and b (NaN wins).
 *
 * @example
 * minimum(tensor([1, NaN, 3]), 2); // [1, NaN, 2]
 */
export const minimum = binary(defs.minimum);
/**
 * a == b (bool).
 *
 * @example
 * eq(tensor([1, NaN]), tensor([1, NaN])); // [true, false]
 */
export const eq = binary(defs.eq);
/**
 * a != b (bool).
 *
 * @example
 * ne(tensor([1, 2]), 1); // [false, true]
 */
export const ne = binary(defs.ne);
/**
 * a < b (bool).
 *
 * @example
 * lt(tensor([1, 2]), 2); // [true, false]
 */
export const lt = binary(defs.lt);
/**
 * a <= b (bool).
 *
 * @example
 * le(tensor([1, 2]), 2); // [true, true]
 */
export const le = binary(defs.le);
/**
 * a > b (bool).
 *
 * @example
 * gt(tensor([1, 2]), 1); // [false, true]
 */
export const gt = binary(defs.gt);
/**
 * a >= b (bool).
 *
 * @example
 * ge(tensor([1, 2]), 2); // [false, true]
 */
export const ge = binary(defs.ge);
/**
 * Logical AND; non-zero is true.
 *
 * @example
 * logicalAnd(tensor([1, 0]), tensor([2, 2])); // [true, false]
 */
export const logicalAnd = binary(defs.logicalAnd);
/**
 * Logical OR; non-zero is true.
 *
 * @example
 * logicalOr(tensor([1, 0]), tensor([0, 0])); // [true, false]
 */
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
  checkTensor('where', 'condition', condition);
  const pair = toTensorPair('where', a, b);
  try {
    return runOp(whereOp, [condition, ...pair], {})[0];
  } finally {
    disposeConverted([a, b], pair);
  }
}
