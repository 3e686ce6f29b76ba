import { fromValues } from '../engine/handles';
import { ArgumentError } from '../errors/argument-error';
import { DTypeError } from '../errors/dtype-error';
import { checkSeed, Generator, getDefaultGenerator } from '../random/generator';
import { checkShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { allocArray, DTYPES, type DType, isFloat, type TypedArray } from '../types';

/**
 * Options of the random ops: a seed (a fresh stream) or a generator (continues its stream); with
 * neither, the default generator (see `manualSeed`).
 */
export interface RandomOptions {
  dtype?: DType;
  seed?: number;
  generator?: Generator;
  requiresGrad?: boolean;
}

/** A fresh generator for `seed`, else the given generator, else the default one. */
function pickGenerator(op: string, options: RandomOptions): Generator {
  if (options.seed !== undefined && options.generator !== undefined) {
    throw new ArgumentError(op, 'give either seed or generator, not both');
  }
  if (options.seed !== undefined) return new Generator(checkSeed(op, options.seed));
  return options.generator ?? getDefaultGenerator();
}

function sample(
  op: string,
  shape: readonly number[],
  options: RandomOptions,
  draw: (g: Generator) => number,
  dtype: DType,
): Tensor {
  const checked = checkShape(op, shape);
  if (!DTYPES.includes(dtype)) throw new DTypeError(op, `unknown dtype "${dtype}"`);
  const generator = pickGenerator(op, options);
  const values: TypedArray = allocArray(dtype, sizeOf(checked));
  for (let i = 0; i < values.length; i++) values[i] = draw(generator);
  const t = fromValues(values, checked, dtype);
  if (options.requiresGrad) t.requiresGrad = true;
  return t;
}

function checkFinite(op: string, values: Record<string, number>): void {
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isFinite(value)) throw new ArgumentError(op, `${name} must be finite, got ${value}`);
  }
}

function floatDType(op: string, options: RandomOptions): DType {
  const dtype = options.dtype ?? 'float32';
  if (DTYPES.includes(dtype) && !isFloat(dtype))
    throw new DTypeError(op, 'samples need a float dtype', { dtype });
  return dtype;
}

/**
 * A uniform draw from [low, high) that stays below `high` after rounding to `dtype`: float32 can
 * round 0.99999999 up to 1, so such draws are rejected and redrawn (rare, and keeps uniformity).
 */
function uniformBelow(g: Generator, low: number, high: number, dtype: DType): number {
  for (;;) {
    const value = low + (high - low) * g.nextFloat();
    if ((dtype === 'float32' ? Math.fround(value) : value) < high) return value;
  }
}

/**
 * Uniform samples in [0, 1) of `shape` (float32 unless a float dtype is given).
 *
 * @example
 * rand([2, 3], { seed: 1 });                // the same numbers on every run and backend
 * rand([2], { generator: new Generator(1) }); // continues that generator's stream
 */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  const dtype = floatDType('rand', options);
  return sample('rand', shape, options, (g) => uniformBelow(g, 0, 1, dtype), dtype);
}

/**
 * Standard normal samples (mean 0, variance 1) of `shape`, by the Box–Muller transform.
 *
 * @example
 * randn([64, 32], { seed: 7 });
 */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  return sample('randn', shape, options, (g) => g.nextNormal(), floatDType('randn', options));
}

/**
 * Uniform samples in [low, high) of `shape`; `low < high`, both finite.
 *
 * @example
 * uniform([3, 3], -0.1, 0.1, { seed: 0 });
 */
export function uniform(shape: readonly number[], low = 0, high = 1, options: RandomOptions = {}): Tensor {
  checkFinite('uniform', { low, high });
  if (!(low < high)) throw new ArgumentError('uniform', `need low < high, got low ${low}, high ${high}`);
  const dtype = floatDType('uniform', options);
  return sample('uniform', shape, options, (g) => uniformBelow(g, low, high, dtype), dtype);
}

/**
 * Normal samples of `shape` with the given mean and standard deviation (`std ≥ 0`).
 *
 * @example
 * normal([128, 64], 0, Math.sqrt(2 / 128), { seed: 1 }); // He initialization
 */
export function normal(shape: readonly number[], mean = 0, std = 1, options: RandomOptions = {}): Tensor {
  checkFinite('normal', { mean, std });
  if (std < 0) throw new ArgumentError('normal', `std must be ≥ 0, got ${std}`);
  return sample('normal', shape, options, (g) => mean + std * g.nextNormal(), floatDType('normal', options));
}

const INT32_RANGE = [-(2 ** 31), 2 ** 31 - 1];

/**
 * Uniform integers in [low, high) of `shape` (int32 unless a dtype is given), without modulo bias.
 *
 * @example
 * randint(0, 10, [5], { seed: 3 }); // five digits
 */
export function randint(
  low: number,
  high: number,
  shape: readonly number[],
  options: RandomOptions = {},
): Tensor {
  if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low) {
    throw new ArgumentError('randint', `need integers low < high, got low ${low}, high ${high}`);
  }
  const dtype = options.dtype ?? 'int32';
  if (dtype === 'bool') throw new DTypeError('randint', 'integers need a numeric dtype', { dtype });
  if (dtype === 'int32' && (low < INT32_RANGE[0] || high - 1 > INT32_RANGE[1])) {
    throw new ArgumentError('randint', `[${low}, ${high}) does not fit int32`);
  }
  return sample('randint', shape, options, (g) => low + g.nextInt(high - low), dtype);
}

/**
 * 1 with probability `p`, else 0, for each element of `shape` (float32 unless a dtype is given).
 *
 * @example
 * bernoulli([4, 4], 0.5, { seed: 2, dtype: 'bool' }); // a dropout keep-mask
 */
export function bernoulli(shape: readonly number[], p: number, options: RandomOptions = {}): Tensor {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError('bernoulli', `p must be in [0, 1], got ${p}`);
  return sample('bernoulli', shape, options, (g) => (g.nextFloat() < p ? 1 : 0), options.dtype ?? 'float32');
}

/**
 * A random permutation of 0..n−1 as a host array, by Fisher–Yates: the values `permutation` puts
 * in a tensor, for code that needs them on the host (a data loader's order) without a read back,
 * which a backend that reads only asynchronously (WebGPU) would refuse.
 *
 * @example
 * permutationValues(5, { seed: 4 }); // the values of permutation(5, { seed: 4 })
 */
export function permutationValues(n: number, options: Omit<RandomOptions, 'dtype'> = {}): Int32Array {
  if (!Number.isInteger(n) || n < 0)
    throw new ArgumentError('permutation', `n must be a non-negative integer, got ${n}`);
  const generator = pickGenerator('permutation', options);
  const values = new Int32Array(n);
  for (let i = 0; i < n; i++) values[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = generator.nextInt(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return values;
}

/**
 * A random permutation of 0..n−1 (int32, shape [n]), by Fisher–Yates.
 *
 * @example
 * permutation(5, { seed: 4 }); // e.g. [3, 0, 4, 1, 2] — every run
 */
export function permutation(n: number, options: RandomOptions = {}): Tensor {
  return fromValues(permutationValues(n, options), [n], 'int32');
}
