import { fromValues } from '../engine';
import { ArgumentError } from '../errors/argument-error';
import { checkSeed, Generator, getDefaultGenerator } from '../random/generator';
import { checkShape, sizeOf } from '../shape';
import type { Tensor } from '../tensor';
import { allocArray, type DType, type TypedArray } from '../types';

/** Options of the random ops: a seed (a fresh stream) or a generator (continues its stream). */
export interface RandomOptions {
  dtype?: DType;
  seed?: number;
  generator?: Generator;
  requiresGrad?: boolean;
}

function sample(op: string, shape: readonly number[], options: RandomOptions, draw: (g: Generator) => number, dtype: DType): Tensor {
  const checked = checkShape(op, shape);
  const generator = options.seed !== undefined ? new Generator(checkSeed(op, options.seed)) : (options.generator ?? getDefaultGenerator());
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

/**
 * Uniform samples in [0, 1).
 *
 * @example
 * rand([2, 3], { seed: 1 });
 */
export function rand(shape: readonly number[], options: RandomOptions = {}): Tensor {
  return sample('rand', shape, options, (g) => g.nextFloat(), options.dtype ?? 'float32');
}

/** Standard normal samples. */
export function randn(shape: readonly number[], options: RandomOptions = {}): Tensor {
  return sample('randn', shape, options, (g) => g.nextNormal(), options.dtype ?? 'float32');
}

/** Uniform samples in [low, high). */
export function uniform(shape: readonly number[], low = 0, high = 1, options: RandomOptions = {}): Tensor {
  checkFinite('uniform', { low, high });
  return sample('uniform', shape, options, (g) => low + (high - low) * g.nextFloat(), options.dtype ?? 'float32');
}

/** Normal samples with the given mean and standard deviation. */
export function normal(shape: readonly number[], mean = 0, std = 1, options: RandomOptions = {}): Tensor {
  checkFinite('normal', { mean, std });
  if (std < 0) throw new ArgumentError('normal', `std must be ≥ 0, got ${std}`);
  return sample('normal', shape, options, (g) => mean + std * g.nextNormal(), options.dtype ?? 'float32');
}

/** Uniform integers in [low, high) (int32). */
export function randint(low: number, high: number, shape: readonly number[], options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new ArgumentError('randint', `need integers low < high, got low ${low}, high ${high}`);
  }
  return sample('randint', shape, options, (g) => low + g.nextInt(high - low), options.dtype ?? 'int32');
}

/** 1 with probability `p`, else 0 (float32 unless a dtype is given). */
export function bernoulli(shape: readonly number[], p: number, options: RandomOptions = {}): Tensor {
  if (!(p >= 0 && p <= 1)) throw new ArgumentError('bernoulli', `p must be in [0, 1], got ${p}`);
  return sample('bernoulli', shape, options, (g) => (g.nextFloat() < p ? 1 : 0), options.dtype ?? 'float32');
}

/** A random permutation of 0..n−1 (int32), by Fisher–Yates. */
export function permutation(n: number, options: RandomOptions = {}): Tensor {
  if (!Number.isInteger(n) || n < 0) throw new ArgumentError('permutation', `n must be a non-negative integer, got ${n}`);
  const generator = options.seed !== undefined ? new Generator(checkSeed('permutation', options.seed)) : (options.generator ?? getDefaultGenerator());
  const values = new Int32Array(n);
  for (let i = 0; i < n; i++) values[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = generator.nextInt(i + 1);
    const tmp = values[i];
    values[i] = values[j];
    values[j] = tmp;
  }
  return fromValues(values, [n], 'int32');
}
