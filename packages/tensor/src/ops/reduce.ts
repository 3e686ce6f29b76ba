import { runOp } from '../engine/dispatch';
import { tidy } from '../engine/tidy';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import type { OpName, ReduceAttrs } from '../op-attrs';
import { defineOp, type OpDef, type TensorSpec } from '../op-registry';
import { checkTensor } from '../operand';
import { normalizeAxes, normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import type { DType } from '../types';
import { reshape } from './reshape';

/** `keepDims: true` keeps each reduced axis with length 1. */
export interface KeepDimsOptions {
  keepDims?: boolean;
}

/** Output shape of reducing `shape` over sorted `axes` (internal to the reduction ops). */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

// Attributes arrive normalized from the public functions; this guards direct runOp callers.
function checkAxesInRange(op: string, axes: readonly number[], shape: readonly number[]): void {
  for (const axis of axes) {
    if (!Number.isInteger(axis) || axis < 0 || axis >= shape.length) {
      throw new ArgumentError(op, `axis ${axis} is out of range for rank ${shape.length}`);
    }
  }
}

function defineReduce<K extends 'sum' | 'prod' | 'max' | 'min'>(
  name: K,
  dtypeOf: (x: DType) => DType,
): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x]: readonly TensorSpec[], { axes, keepDims }: ReduceAttrs) => {
      checkAxesInRange(name, axes, x.shape);
      return [{ shape: reducedShape(x.shape, axes, keepDims), dtype: dtypeOf(x.dtype) }];
    },
  });
}

const sumOp = defineReduce('sum', (d) => (d === 'bool' ? 'int32' : d));
const prodOp = defineReduce('prod', (d) => (d === 'bool' ? 'int32' : d));
const maxOp = defineReduce('max', (d) => d);
const minOp = defineReduce('min', (d) => d);

function reduce(
  def: OpDef<'sum' | 'prod' | 'max' | 'min'>,
  x: Tensor,
  axis: number | readonly number[] | undefined,
  options: KeepDimsOptions,
) {
  checkTensor(def.name, 'x', x);
  const axes = normalizeAxes(def.name, axis, x.rank);
  return runOp(def, [x], { axes, keepDims: options.keepDims ?? false })[0];
}

/**
 * Sum over `axis` (one axis, a list, or every axis when omitted).
 *
 * @example
 * sum(tensor([[1, 2], [3, 4]]), 0); // [4, 6]
 */
export function sum(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(sumOp, x, axis, options);
}

/**
 * Product over `axis` (all axes when omitted). The product of nothing is 1.
 *
 * @example
 * prod(tensor([[1, 2], [3, 4]]), 1); // [2, 12]
 */
export function prod(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(prodOp, x, axis, options);
}

/**
 * Maximum over `axis` (all axes when omitted); NaN propagates. The max of nothing is the lowest
 * value of the dtype: −∞ for floats, −2³¹ for int32, false for bool.
 *
 * @example
 * max(tensor([[1, 5], [7, 2]]), 0, { keepDims: true }); // [[7, 5]]
 */
export function max(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(maxOp, x, axis, options);
}

/**
 * Minimum over `axis` (all axes when omitted); NaN propagates. The min of nothing is the highest
 * value of the dtype: +∞ for floats, 2³¹ − 1 for int32, true for bool.
 *
 * @example
 * min(tensor([[1, 5], [7, 2]])); // 1
 */
export function min(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(minOp, x, axis, options);
}

function defineArgReduce<K extends 'argmax' | 'argmin'>(name: K): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x], { axis, keepDims }) => {
      checkAxesInRange(name, [axis], x.shape);
      if (x.shape[axis] === 0) {
        throw new ArgumentError(
          name,
          `axis ${axis} has length 0, so there is no index to return (x: [${x.shape.join(', ')}])`,
        );
      }
      return [{ shape: reducedShape(x.shape, [axis], keepDims), dtype: 'int32' }];
    },
  });
}

const argmaxOp = defineArgReduce('argmax');
const argminOp = defineArgReduce('argmin');

/** Options of argmax/argmin. */
export interface ArgReduceOptions extends KeepDimsOptions {
  /** On ties, return the last index (default: the first). */
  selectLastIndex?: boolean;
}

function argReduce(
  def: OpDef<'argmax' | 'argmin'>,
  x: Tensor,
  axis: number | undefined,
  options: ArgReduceOptions,
): Tensor {
  checkTensor(def.name, 'x', x);
  if (x.dtype === 'bool') throw new DTypeError(def.name, 'expected a numeric input', { x: x.dtype });
  const keepDims = options.keepDims ?? false;
  const selectLastIndex = options.selectLastIndex ?? false;
  if (axis !== undefined) {
    return runOp(def, [x], { axis: normalizeAxis(def.name, axis, x.rank), keepDims, selectLastIndex })[0];
  }
  // Without an axis, reduce the flattened tensor, as NumPy and PyTorch do; keepDims keeps every
  // axis with length 1.
  return tidy(() => {
    const index = runOp(def, [reshape(x, [x.size])], { axis: 0, keepDims: false, selectLastIndex })[0];
    return keepDims
      ? reshape(
          index,
          x.shape.map(() => 1),
        )
      : index;
  });
}

/**
 * Index (int32) of the largest value along `axis` (of the flattened tensor when omitted). Ties go
 * to the first index (the last with `selectLastIndex`); a NaN counts as the largest.
 *
 * @example
 * argmax(tensor([[1, 5], [7, 2]]), 1); // [1, 0]
 */
export function argmax(x: Tensor, axis?: number, options: ArgReduceOptions = {}): Tensor {
  return argReduce(argmaxOp, x, axis, options);
}

/**
 * Index (int32) of the smallest value along `axis` (of the flattened tensor when omitted). Ties go
 * to the first index (the last with `selectLastIndex`); a NaN counts as the smallest.
 *
 * @example
 * argmin(tensor([3, 1, 1])); // 1
 */
export function argmin(x: Tensor, axis?: number, options: ArgReduceOptions = {}): Tensor {
  return argReduce(argminOp, x, axis, options);
}

export type ReduceOpName = Extract<OpName, 'sum' | 'prod' | 'max' | 'min'>;
