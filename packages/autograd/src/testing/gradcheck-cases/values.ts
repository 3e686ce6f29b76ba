import { Generator, type Tensor, tensor } from '@nagare/tensor';

/** How to draw a case's values. */
export interface DrawOptions {
  /** Keep every value at least `margin` (default 0.1) away from these points (an op's kinks). */
  kinks?: readonly number[];
  margin?: number;
  /** Draw uniformly from [low, high] instead of a standard normal. */
  low?: number;
  high?: number;
  /** float32 (default) for the portable suites; the float64 rule tests draw float64. */
  dtype?: 'float32' | 'float64';
}

/**
 * A float32 tensor of `shape` with seeded values, made on the active backend. Values stay further
 * from kinks than a float32 gradcheck's step (1e-2), so the finite differences never straddle one.
 */
export function draw(shape: readonly number[], seed: number, options: DrawOptions = {}): Tensor {
  const g = new Generator(seed);
  const { kinks = [], margin = 0.1, low, high, dtype = 'float32' } = options;
  const size = shape.reduce((p, d) => p * d, 1);
  const values = dtype === 'float64' ? new Float64Array(size) : new Float32Array(size);
  for (let i = 0; i < size; i++) {
    let v: number;
    do {
      v = low !== undefined && high !== undefined ? low + (high - low) * g.nextFloat() : g.nextNormal();
    } while (kinks.some((k) => Math.abs(v - k) < margin));
    values[i] = v;
  }
  return tensor(values, { shape, dtype });
}

/**
 * Values of `shape` that are pairwise at least 0.2 apart (a shuffled ramp plus small noise), for
 * ops whose gradient picks one element (max, min, topk, max pooling): ties would be kinks.
 */
export function distinct(shape: readonly number[], seed: number): Tensor {
  const g = new Generator(seed);
  const size = shape.reduce((p, d) => p * d, 1);
  const order = Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = g.nextInt(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const values = Float32Array.from(order, (k) => (k - size / 2) * 0.3 + 0.05 * g.nextFloat());
  return tensor(values, { shape, dtype: 'float32' });
}

/** Int32 indices on the active backend. */
export function indices(values: number[] | number[][]): Tensor {
  return tensor(values, { dtype: 'int32' });
}

/** Points kept away from: the integers and half-integers in [−4, 4] (floor, ceil and round jump there). */
export const STEPS = Array.from({ length: 17 }, (_, i) => -4 + i * 0.5);
