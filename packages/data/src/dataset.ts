import { ArgumentError } from '@nagare/tensor';

/**
 * An indexable dataset: `length` samples, `get(i)` returns sample i. A dataset may also offer
 * `getBatch(indices)`, which the DataLoader prefers: one gather instead of `indices.length` calls.
 *
 * @example
 * const squares: Dataset<number> = { length: 10, get: (i) => i * i };
 */
export interface Dataset<T> {
  readonly length: number;
  get(index: number): T;
  getBatch?(indices: readonly number[]): T;
}

/** A dataset read as a stream (unknown length). */
export interface IterableDataset<T> {
  [Symbol.asyncIterator](): AsyncIterator<T>;
}

/** Throws an ArgumentError unless `index` is an integer in [0, length). */
export function checkIndex(op: string, index: number, length: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= length) {
    throw new ArgumentError(op, `index ${index} is out of range for ${length} samples`);
  }
}

/**
 * A dataset whose samples are `fn(sample, index)` of another's.
 *
 * @example
 * const doubled = mapDataset(numbers, (x) => 2 * x);
 */
export function mapDataset<T, U>(dataset: Dataset<T>, fn: (sample: T, index: number) => U): Dataset<U> {
  return {
    length: dataset.length,
    get: (index) => fn(dataset.get(index), index),
  };
}

/** The samples of several datasets one after another. */
export function concatDatasets<T>(datasets: readonly Dataset<T>[]): Dataset<T> {
  const starts: number[] = [];
  let length = 0;
  for (const d of datasets) {
    starts.push(length);
    length += d.length;
  }
  return {
    length,
    get(index) {
      checkIndex('concatDatasets', index, length);
      let part = starts.length - 1;
      while (starts[part] > index) part--;
      return datasets[part].get(index - starts[part]);
    },
  };
}

/**
 * The samples of `dataset` at `indices`, in that order. Batches are fetched through the parent's
 * `getBatch` when it has one.
 */
export function subset<T>(
  dataset: Dataset<T>,
  indices: readonly number[],
): Dataset<T> & { readonly indices: readonly number[] } {
  for (const i of indices) checkIndex('subset', i, dataset.length);
  const own = [...indices];
  const getBatch = dataset.getBatch?.bind(dataset);
  return {
    length: own.length,
    indices: own,
    get(index) {
      checkIndex('subset', index, own.length);
      return dataset.get(own[index]);
    },
    ...(getBatch ? { getBatch: (batch: readonly number[]) => getBatch(batch.map((i) => own[i])) } : {}),
  };
}
