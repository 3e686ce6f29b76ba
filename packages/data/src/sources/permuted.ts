import { ArgumentError, permutationValues, type TypedArray } from '@nagare/tensor';
import { TensorDataset } from '../tensor-dataset';

/**
 * The same images with one fixed pixel permutation applied to every sample (labels unchanged):
 * a new task of equal difficulty, for catastrophic-forgetting experiments.
 */
export function permutePixels(dataset: TensorDataset, seed: number): TensorDataset {
  const [images, ...rest] = dataset.columns;
  const n = images.shape[0];
  const pixels = images.values.length / Math.max(n, 1);
  const order = permutationValues(pixels, { seed });
  // Same storage type as the source (uint8 for MNIST), so the permuted copy stays as compact.
  const out = emptyLike(images.values);
  for (let s = 0; s < n; s++) {
    const base = s * pixels;
    for (let p = 0; p < pixels; p++) out[base + p] = images.values[base + order[p]];
  }
  return TensorDataset.fromColumns([{ ...images, values: out }, ...rest]);
}

/** A new zeroed array of the same element type (never a Buffer, whose slice() would share memory). */
function emptyLike(values: TypedArray): TypedArray {
  if (values instanceof Uint8Array) return new Uint8Array(values.length);
  if (values instanceof Int32Array) return new Int32Array(values.length);
  if (values instanceof Float64Array) return new Float64Array(values.length);
  return new Float32Array(values.length);
}

/**
 * `count` permuted-MNIST tasks from one dataset: task 0 is the original, task k uses the fixed
 * permutation of seed `seed + k`.
 *
 * @example
 * const [taskA, taskB] = permutedTasks(train, 2, { seed: 7 });
 */
export function permutedTasks(
  dataset: TensorDataset,
  count: number,
  options: { seed?: number } = {},
): TensorDataset[] {
  if (!Number.isInteger(count) || count < 1)
    throw new ArgumentError('permutedTasks', `count must be a positive integer, got ${count}`);
  return Array.from({ length: count }, (_, k) =>
    k === 0 ? dataset : permutePixels(dataset, (options.seed ?? 0) + k),
  );
}
