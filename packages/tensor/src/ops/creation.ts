import { fromValues } from '../engine/handles';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { checkTensor } from '../operand';
import { checkShape, sizeOf } from '../shape';
import { checkedElementCount } from '../size-limit';
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

/** The dtype a typed array maps to by default: its own, or the nearest one that holds its values. */
function typedArrayDType(values: ArrayBufferView): DType {
  if (values instanceof Float64Array || values instanceof Uint32Array) return 'float64';
  if (values instanceof Uint8Array) return 'bool';
  if (values instanceof Float32Array) return 'float32';
  if (values instanceof Int32Array || values instanceof Int16Array || values instanceof Uint16Array)
    return 'int32';
  if (values instanceof Int8Array || values instanceof Uint8ClampedArray) return 'int32';
  throw new ArgumentError('tensor', `unsupported typed array ${values.constructor.name}`);
}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/**
 * Throws unless `value` has an int32 value. Fractions truncate toward zero (as PyTorch does), but
 * NaN, ±Infinity and anything outside [−2³¹, 2³¹ − 1] would be stored as 0 or wrap around, so
 * they are errors rather than silently different numbers.
 */
function checkInt32(op: string, value: number, index: number): void {
  if (Number.isNaN(value)) throw new ArgumentError(op, `NaN at index ${index} has no int32 value`);
  if (!(value > INT32_MIN - 1 && value < INT32_MAX + 1)) {
    throw new ArgumentError(
      op,
      `${value} at index ${index} is outside the int32 range [${INT32_MIN}, ${INT32_MAX}]`,
    );
  }
}

/**
 * Copies numbers into a new storage array of `dtype`. Bool stores 1 for any non-zero value (NaN
 * included, as `cast`, NumPy and PyTorch do); a plain Uint8Array store would keep 2 as 2 and turn
 * 0.5 into 0. Int32 refuses NaN and out-of-range values (see `checkInt32`).
 */
function toStorage(op: string, dtype: DType, source: ArrayLike<number>): TypedArray {
  if (dtype === 'int32') for (let i = 0; i < source.length; i++) checkInt32(op, source[i], i);
  const values = allocArray(dtype, source.length);
  if (dtype === 'bool') for (let i = 0; i < source.length; i++) values[i] = source[i] !== 0 ? 1 : 0;
  else values.set(source);
  return values;
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
      if (Array.isArray(value))
        throw new ArgumentError('tensor', `ragged nested array: element [${path.join(', ')}] is an array`);
      return;
    }
    if (!Array.isArray(value) || value.length !== shape[axis]) {
      const found = Array.isArray(value) ? `length ${value.length}` : 'a scalar';
      throw new ArgumentError(
        'tensor',
        `ragged nested array: element [${path.join(', ')}] has ${found}, expected length ${shape[axis]}`,
      );
    }
    for (let i = 0; i < value.length; i++) check(value[i], axis + 1, [...path, i]);
  };
  check(data, 0, []);
  return shape;
}

/** Any typed array `tensor()` accepts; the default dtype follows the array type. */
export type TensorData = TypedArray | Int8Array | Int16Array | Uint16Array | Uint32Array | Uint8ClampedArray;

/**
 * Creates a tensor from nested arrays (rectangular: a ragged array is an ArgumentError), a typed
 * array (flat; give `shape`) or a number. The dtype defaults to float32 for numbers, bool for
 * booleans, and for typed arrays to their own type (Uint8Array → bool, Int8/Int16/Uint16 → int32,
 * Uint32 → float64).
 *
 * Values are converted to the dtype as PyTorch does: int32 truncates fractions toward zero, bool
 * makes every non-zero value (NaN included) true. A value int32 cannot hold — NaN, ±Infinity, or
 * outside [−2³¹, 2³¹ − 1] — is an ArgumentError naming its index, never a wrapped or zeroed number.
 *
 * @example
 * tensor([[1, 2], [3, 4]]);                    // float32, shape [2, 2]
 * tensor(new Int32Array([1, 2, 3]), { shape: [3] });
 * tensor([true, false]);                       // bool
 */
export function tensor(
  data: NestedArray | TensorData,
  options: CreationOptions & { shape?: readonly number[] } = {},
): Tensor {
  if (ArrayBuffer.isView(data)) {
    const dtype = checkDType('tensor', options.dtype ?? typedArrayDType(data));
    const source = data as unknown as ArrayLike<number>;
    const shape = checkShape('tensor', options.shape ?? [source.length]);
    if (sizeOf(shape) !== source.length) {
      throw new ArgumentError(
        'tensor',
        `shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${source.length}`,
      );
    }
    return finish(fromValues(toStorage('tensor', dtype, source), shape, dtype), options);
  }
  const inferred = inferShape(data);
  const flat = (Array.isArray(data) ? (data as unknown[]).flat(Number.POSITIVE_INFINITY) : [data]) as (
    | number
    | boolean
  )[];
  for (const value of flat) {
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ArgumentError('tensor', `expected numbers or booleans, got ${typeof value}`);
    }
  }
  const isBool = flat.length > 0 && typeof flat[0] === 'boolean';
  const dtype = checkDType('tensor', options.dtype ?? (isBool ? 'bool' : 'float32'));
  const shape = options.shape ? checkShape('tensor', options.shape) : inferred;
  if (sizeOf(shape) !== flat.length) {
    throw new ArgumentError(
      'tensor',
      `shape [${shape.join(', ')}] needs ${sizeOf(shape)} values, got ${flat.length}`,
    );
  }
  return finish(fromValues(toStorage('tensor', dtype, flat.map(Number)), shape, dtype), options);
}

/**
 * A 0-d tensor (shape `[]`) holding `value`.
 *
 * @example
 * scalar(3).item(); // 3
 */
export function scalar(value: number | boolean, options: CreationOptions = {}): Tensor {
  return tensor(value, options);
}

/**
 * A tensor of `shape` filled with `value` (float32, or bool for a boolean value, unless a dtype
 * is given).
 *
 * @example
 * full([2, 2], 7); // [[7, 7], [7, 7]]
 */
export function full(
  shape: readonly number[],
  value: number | boolean,
  options: CreationOptions = {},
): Tensor {
  const checked = checkShape('full', shape);
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ArgumentError('full', `value must be a number or a boolean, got ${typeof value}`);
  }
  const dtype = checkDType('full', options.dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32'));
  const values = allocArray(dtype, sizeOf(checked));
  values.fill(toStorage('full', dtype, [Number(value)])[0]);
  return finish(fromValues(values, checked, dtype), options);
}

/**
 * A tensor of `shape` filled with 0 (float32 unless a dtype is given).
 *
 * @example
 * zeros([2, 3], { dtype: 'int32' });
 */
export function zeros(shape: readonly number[], options: CreationOptions = {}): Tensor {
  checkShape('zeros', shape);
  return full(shape, 0, options);
}

/**
 * A tensor of `shape` filled with 1 (float32 unless a dtype is given).
 *
 * @example
 * ones([3]); // [1, 1, 1]
 */
export function ones(shape: readonly number[], options: CreationOptions = {}): Tensor {
  checkShape('ones', shape);
  return full(shape, 1, options);
}

/**
 * Zeros with the shape and dtype of `x` (options override the dtype).
 *
 * @example
 * zerosLike(weight);
 */
export function zerosLike(x: Tensor, options: CreationOptions = {}): Tensor {
  checkTensor('zerosLike', 'x', x);
  return full(x.shape, 0, { dtype: x.dtype, ...options });
}

/**
 * Ones with the shape and dtype of `x` (options override the dtype).
 *
 * @example
 * onesLike(loss); // the seed gradient of a scalar loss
 */
export function onesLike(x: Tensor, options: CreationOptions = {}): Tensor {
  checkTensor('onesLike', 'x', x);
  return full(x.shape, 1, { dtype: x.dtype, ...options });
}

/**
 * `value` everywhere, with the shape and dtype of `x` (options override the dtype).
 *
 * @example
 * fullLike(tensor([1, 2]), 7); // [7, 7]
 */
export function fullLike(x: Tensor, value: number | boolean, options: CreationOptions = {}): Tensor {
  checkTensor('fullLike', 'x', x);
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
  for (const [name, v] of [
    ['start', from],
    ['stop', to],
    ['step', step],
  ] as const) {
    if (!Number.isFinite(v)) throw new ArgumentError('arange', `${name} must be finite, got ${v}`);
  }
  if (step === 0) throw new ArgumentError('arange', 'step must not be 0');
  const count = Math.max(0, Math.ceil((to - from) / step));
  const isInteger = [from, to, step].every(Number.isInteger);
  checkedElementCount('arange', [count]);
  const dtype = checkDType('arange', options.dtype ?? (isInteger ? 'int32' : 'float32'));
  // The ends bound every value in between, so checking them covers the whole range.
  if (dtype === 'int32' && count > 0)
    for (const i of [0, count - 1]) checkInt32('arange', from + i * step, i);
  const values = allocArray(dtype, count);
  for (let i = 0; i < count; i++) values[i] = from + i * step;
  return finish(fromValues(values, [count], dtype), options);
}

/**
 * `count` evenly spaced values from `start` to `stop`, both included (float32 by default).
 *
 * @example
 * linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, count: number, options: CreationOptions = {}): Tensor {
  for (const [name, v] of [
    ['start', start],
    ['stop', stop],
  ] as const) {
    if (!Number.isFinite(v)) throw new ArgumentError('linspace', `${name} must be finite, got ${v}`);
  }
  if (!Number.isInteger(count) || count < 0)
    throw new ArgumentError('linspace', `count must be a non-negative integer, got ${count}`);
  checkedElementCount('linspace', [count]);
  const dtype = checkDType('linspace', options.dtype ?? 'float32');
  const values = allocArray(dtype, count);
  const stepSize = count > 1 ? (stop - start) / (count - 1) : 0;
  for (let i = 0; i < count; i++) values[i] = i === count - 1 && count > 1 ? stop : start + i * stepSize;
  return finish(fromValues(values, [count], dtype), options);
}

/**
 * The n×m identity matrix (m defaults to n): ones on the main diagonal.
 *
 * @example
 * eye(2); // [[1, 0], [0, 1]]
 */
export function eye(n: number, m = n, options: CreationOptions = {}): Tensor {
  const shape = checkShape('eye', [n, m]);
  const dtype = checkDType('eye', options.dtype ?? 'float32');
  const values = allocArray(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return finish(fromValues(values, shape, dtype), options);
}
