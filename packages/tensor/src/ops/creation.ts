import { fromValues } from '../engine';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { checkShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { allocArray, DTYPES, type DType, type NestedArray, type TypedArray } from '../types';

/** Options shared by tensor-creating functions. */
export interface CreationOptions {
  /** Element type (default float32, or bool for boolean data, or the typed array's own type). */
  dtype?: DType;
  /** Mark the new tensor as a leaf that requires grad. */
  requiresGrad?: boolean;
}

function finish(t: Tensor, options: CreationOptions): Tensor {
  if (options.requiresGrad) t.requiresGrad = true;
  return t;
}

function checkDType(op: string, dtype: DType): DType {
  if (!DTYPES.includes(dtype)) throw new DTypeError(op, `unknown dtype "${dtype}"`);
  return dtype;
}

function typedArrayDType(values: TypedArray): DType {
  if (values instanceof Float64Array) return 'float64';
  if (values instanceof Int32Array) return 'int32';
  if (values instanceof Uint8Array) return 'bool';
  return 'float32';
}

/** Shape of a nested array, checking every level is rectangular. */
function inferShape(data: NestedArray): number[] {
  const shape: number[] = [];
  let level: NestedArray = data;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
    if (level === undefined) break;
  }
  const check = (value: NestedArray, axis: number, path: number[]): void => {
    if (axis === shape.length) {
      if (Array.isArray(value)) throw new ArgumentError('tensor', `ragged nested array: element [${path.join(', ')}] is an array`);
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[axis]) {
      const found = Array.isArray(value) ? `length ${value.length}` : 'a scalar';
      throw new ArgumentError('tensor', `ragged nested array: element [${path.join(', ')}] has ${found}, expected length ${shape[axis]}`);
    }
    value.forEach((item, i) => check(item, axis + 1, [...path, i]));
  };
  check(data, 0, []);
  return shape;
}

/**
 * Creates a tensor from nested arrays, a typed array or a number.
 *
 * @example
 * tensor([[1, 2], [3, 4]]);                    // float32, shape [2, 2]
 * tensor(new Int32Array([1, 2, 3]), { shape: [3] });
 * tensor([true, false]);                       // bool
 */
export function tensor(data: NestedArray | TypedArray, options: CreationOptions & { shape?: readonly number[] } = {}): Tensor {
  if (ArrayBuffer.isView(data)) {
    const dtype = checkDType('tensor', options.dtype ?? typedArrayDType(data));
    const shape = checkShape('tensor', options.shape ?? [data.length]);
    if (sizeOf(shape) !== data.length) {
      throw new ArgumentError('tensor', `shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${data.length}`);
    }
    const values = allocArray(dtype, data.length);
    values.set(data);
    return finish(fromValues(values, shape, dtype), options);
  }
  const inferred = inferShape(data);
  const flat = (Array.isArray(data) ? (data as unknown[]).flat(Number.POSITIVE_INFINITY) : [data]) as (number | boolean)[];
  for (const value of flat) {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ArgumentError('tensor', `expected numbers or booleans, got ${typeof value}`);
    }
  }
  const isBool = flat.length > 0 && typeof flat[0] === 'boolean';
  const dtype = checkDType('tensor', options.dtype ?? (isBool ? 'bool' : 'float32'));
  const shape = options.shape ? checkShape('tensor', options.shape) : inferred;
  if (sizeOf(shape) !== flat.length) {
    throw new ArgumentError('tensor', `shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${flat.length}`);
  }
  const values = allocArray(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) values[i] = Number(flat[i]);
  return finish(fromValues(values, shape, dtype), options);
}

/** A 0-d tensor holding `value`. */
export function scalar(value: number | boolean, options: CreationOptions = {}): Tensor {
  return tensor(value, options);
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * full([2, 2], 7); // [[7, 7], [7, 7]]
 */
export function full(shape: readonly number[], value: number, options: CreationOptions = {}): Tensor {
  const checked = checkShape('full', shape);
  const dtype = checkDType('full', options.dtype ?? 'float32');
  const values = allocArray(dtype, sizeOf(checked));
  if (value !== 0) values.fill(value);
  return finish(fromValues(values, checked, dtype), options);
}

/** A tensor of zeros. */
export function zeros(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return full(shape, 0, options);
}

/** A tensor of ones. */
export function ones(shape: readonly number[], options: CreationOptions = {}): Tensor {
  return full(shape, 1, options);
}

/** Zeros with the shape and dtype of `x`. */
export function zerosLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 0, { dtype: x.dtype, ...options });
}

/** Ones with the shape and dtype of `x`. */
export function onesLike(x: Tensor, options: CreationOptions = {}): Tensor {
  return full(x.shape, 1, { dtype: x.dtype, ...options });
}

/** A tensor of `shape` filled with `value`, shaped and typed like `x` when only a value is given. */
export function fullLike(x: Tensor, value: number, options: CreationOptions = {}): Tensor {
  return full(x.shape, value, { dtype: x.dtype, ...options });
}

/**
 * Evenly spaced values in [start, stop) with `step`. One argument means [0, stop). Integer
 * arguments give int32 unless a dtype is given.
 *
 * @example
 * arange(5);        // [0, 1, 2, 3, 4]
 * arange(1, 2, 0.25); // [1, 1.25, 1.5, 1.75]
 */
export function arange(start: number, stop?: number, step = 1, options: CreationOptions = {}): Tensor {
  const [from, to] = stop === undefined ? [0, start] : [start, stop];
  for (const [name, v] of [['start', from], ['stop', to], ['step', step]] as const) {
    if (!Number.isFinite(v)) throw new ArgumentError('arange', `${name} must be finite, got ${v}`);
  }
  if (step === 0) throw new ArgumentError('arange', 'step must not be 0');
  const count = Math.max(0, Math.ceil((to - from) / step));
  const isInteger = [from, to, step].every(Number.isInteger);
  const dtype = checkDType('arange', options.dtype ?? (isInteger ? 'int32' : 'float32'));
  const values = allocArray(dtype, count);
  for (let i = 0; i < count; i++) values[i] = from + i * step;
  return finish(fromValues(values, [count], dtype), options);
}

/** `count` evenly spaced values from `start` to `stop`, both included. */
export function linspace(start: number, stop: number, count: number, options: CreationOptions = {}): Tensor {
  if (!Number.isInteger(count) || count < 0) throw new ArgumentError('linspace', `count must be a non-negative integer, got ${count}`);
  const dtype = checkDType('linspace', options.dtype ?? 'float32');
  const values = allocArray(dtype, count);
  const stepSize = count > 1 ? (stop - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++) values[i] = i === count - 1 && count > 1 ? stop : start + i * stepSize;
  return finish(fromValues(values, [count], dtype), options);
}

/** The n×m identity matrix (m defaults to n). */
export function eye(n: number, m = n, options: CreationOptions = {}): Tensor {
  const shape = checkShape('eye', [n, m]);
  const dtype = checkDType('eye', options.dtype ?? 'float32');
  const values = allocArray(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return finish(fromValues(values, shape, dtype), options);
}
