import { runOp } from '../engine';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import type { OpName, ReduceAttrs } from '../op-attrs';
import { defineOp, type OpDef, type TensorSpec } from '../op-registry';
import { normalizeAxes, normalizeAxis } from '../shape';
import type { Tensor } from '../tensor';
import type { DType } from '../types';

/** `keepDims: true` keeps each reduced axis with length 1. */
export interface KeepDimsOptions {
  keepDims?: boolean;
}

/** Output shape of reducing `shape` over sorted `axes`. */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}

function defineReduce<K extends 'sum' | 'prod' | 'max' | 'min'>(name: K, dtypeOf: (x: DType) => DType): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x]: readonly TensorSpec[], { axes, keepDims }: ReduceAttrs) => [
      { shape: reducedShape(x.shape, axes, keepDims), dtype: dtypeOf(x.dtype) },
    ],
  });
}

const sumOp = defineReduce('sum', (d) => (d === 'bool' ? 'int32' : d));
const prodOp = defineReduce('prod', (d) => (d === 'bool' ? 'int32' : d));
const maxOp = defineReduce('max', (d) => d);
const minOp = defineReduce('min', (d) => d);

function reduce(def: OpDef<'sum' | 'prod' | 'max' | 'min'>, x: Tensor, axis: number | readonly number[] | undefined, options: KeepDimsOptions) {
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

/** Product over `axis` (all axes when omitted). The product of nothing is 1. */
export function prod(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(prodOp, x, axis, options);
}

/** Maximum over `axis` (all axes when omitted); NaN propagates. The max of nothing is −∞. */
export function max(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(maxOp, x, axis, options);
}

/** Minimum over `axis` (all axes when omitted); NaN propagates. The min of nothing is +∞. */
export function min(x: Tensor, axis?: number | readonly number[], options: KeepDimsOptions = {}): Tensor {
  return reduce(minOp, x, axis, options);
}

function defineArgReduce<K extends 'argmax' | 'argmin'>(name: K): OpDef<K> {
  return defineOp({
    name,
    inputs: ['x'],
    infer: ([x], { axis, keepDims }) => {
      if (x.shape[axis] === 0) throw new ArgumentError(name, `axis ${axis} has length 0`);
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

function argReduce(def: OpDef<'argmax' | 'argmin'>, x: Tensor, axis: number | undefined, options: ArgReduceOptions): Tensor {
  if (x.dtype === 'bool') throw new DTypeError(def.name, 'expected a numeric input', { x: x.dtype });
  // Without an axis, reduce the flattened tensor, as NumPy and PyTorch do.
  const input = axis === undefined ? x.reshape([x.size]) : x;
  const normalized = normalizeAxis(def.name, axis ?? 0, input.rank);
  const attrs = { axis: normalized, keepDims: options.keepDims ?? false, selectLastIndex: options.selectLastIndex ?? false };
  return runOp(def, [input], attrs)[0];
}

/** Index (int32) of the largest value along `axis`; ties go to the first index. */
export function argmax(x: Tensor, axis?: number, options: ArgReduceOptions = {}): Tensor {
  return argReduce(argmaxOp, x, axis, options);
}

/** Index (int32) of the smallest value along `axis`; ties go to the first index. */
export function argmin(x: Tensor, axis?: number, options: ArgReduceOptions = {}): Tensor {
  return argReduce(argminOp, x, axis, options);
}

export type ReduceOpName = Extract<OpName, 'sum' | 'prod' | 'max' | 'min'>;
