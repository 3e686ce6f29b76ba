import {
  ArgumentError,
  Generator,
  permutationValues,
  stack,
  type Tensor,
  tensor,
  tidy,
} from '@nagare/tensor';
import type { Dataset } from './dataset';

/** Options of a DataLoader. */
export interface DataLoaderOptions<T, B> {
  batchSize?: number;
  /** Visit samples in a new random order each epoch (reproducible from `seed`). */
  shuffle?: boolean;
  seed?: number;
  /** Drop the last batch when it is smaller than `batchSize`. */
  dropLast?: boolean;
  /** Turns a list of samples into a batch. Default: stack tensors (and numbers) field by field. */
  collate?: (samples: T[]) => B;
  /** Applied to each batch (e.g. augmentation); receives the loader's generator. */
  transform?: (batch: B, generator: Generator) => B;
  /** When iterating with `for await`, prepare the next batch while the current one is used. */
  prefetch?: boolean;
}

/**
 * Batches a dataset: batch size, seeded shuffling with a new order each epoch, drop-last, collate,
 * optional prefetch. Iterate synchronously (`for … of`) over in-memory data, or with `for await`.
 * Batches belong to the caller: dispose them after use.
 *
 * @example
 * const loader = new DataLoader(ds, { batchSize: 64, shuffle: true, seed: 1 });
 * for (const [x, y] of loader) { ...; x.dispose(); y.dispose(); }
 */
export class DataLoader<T, B = T> implements Iterable<B>, AsyncIterable<B> {
  readonly batchSize: number;
  /** The epoch whose order the next iteration uses; advanced after each full pass. */
  epoch = 0;
  readonly #options: DataLoaderOptions<T, B>;

  constructor(
    readonly dataset: Dataset<T>,
    options: DataLoaderOptions<T, B> = {},
  ) {
    const batchSize = options.batchSize ?? 1;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new ArgumentError('DataLoader', `batchSize must be a positive integer, got ${batchSize}`);
    if (options.seed !== undefined && !Number.isSafeInteger(options.seed))
      throw new ArgumentError('DataLoader', `seed must be an integer, got ${options.seed}`);
    this.batchSize = batchSize;
    this.#options = options;
  }

  /** Number of batches per epoch. */
  get length(): number {
    const n = this.dataset.length / this.batchSize;
    return this.#options.dropLast ? Math.floor(n) : Math.ceil(n);
  }

  /** The sample order of `epoch` (identity without shuffle). */
  order(epoch = this.epoch): number[] {
    if (!this.#options.shuffle) return Array.from({ length: this.dataset.length }, (_, i) => i);
    // One independent Philox stream per (seed, epoch): the same epoch always gives the same order.
    const seed = (this.#options.seed ?? 0) * 65_537 + epoch;
    return Array.from(permutationValues(this.dataset.length, { seed }));
  }

  /** The index lists of each batch of `epoch`. */
  batches(epoch = this.epoch): number[][] {
    const order = this.order(epoch);
    const out: number[][] = [];
    for (let start = 0; start < order.length; start += this.batchSize) {
      const batch = order.slice(start, start + this.batchSize);
      if (batch.length < this.batchSize && this.#options.dropLast) break;
      out.push(batch);
    }
    return out;
  }

  /** Builds the batch of the given sample indices. */
  load(indices: readonly number[], generator = new Generator(0)): B {
    const { collate, transform } = this.#options;
    let batch: B;
    if (!collate && this.dataset.getBatch) batch = this.dataset.getBatch(indices) as unknown as B;
    else {
      // Sample tensors made by get() are temporaries: tidy frees them once stacked into the batch.
      batch = tidy(() => {
        const samples = indices.map((i) => this.dataset.get(i));
        return collate ? collate(samples) : (defaultCollate(samples) as B);
      });
    }
    return transform ? transform(batch, generator) : batch;
  }

  *[Symbol.iterator](): Iterator<B> {
    const epoch = this.epoch++;
    const generator = new Generator((this.#options.seed ?? 0) * 65_537 + epoch + 1);
    for (const indices of this.batches(epoch)) yield this.load(indices, generator);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<B> {
    const epoch = this.epoch++;
    const generator = new Generator((this.#options.seed ?? 0) * 65_537 + epoch + 1);
    const batches = this.batches(epoch);
    const make = (k: number) => Promise.resolve().then(() => this.load(batches[k], generator));
    let next = batches.length ? make(0) : null;
    for (let k = 0; k < batches.length; k++) {
      const current = await (next as Promise<B>);
      next = this.#options.prefetch && k + 1 < batches.length ? make(k + 1) : null;
      yield current;
      if (!next && k + 1 < batches.length) next = make(k + 1);
    }
  }
}

/** Stacks samples: tensors along a new axis 0, numbers into a tensor, arrays and objects field by field. */
export function defaultCollate(samples: readonly unknown[]): unknown {
  const first = samples[0];
  if (typeof first === 'number')
    return tensor(samples as number[], {
      dtype: (samples as number[]).every(Number.isInteger) ? 'int32' : 'float32',
    });
  if (Array.isArray(first))
    return first.map((_, k) => defaultCollate(samples.map((s) => (s as unknown[])[k])));
  if (first && typeof first === 'object' && !isTensor(first)) {
    return Object.fromEntries(
      Object.keys(first).map((key) => [
        key,
        defaultCollate(samples.map((s) => (s as Record<string, unknown>)[key])),
      ]),
    );
  }
  return stack(samples as Tensor[], 0);
}

function isTensor(value: object): value is Tensor {
  return 'shape' in value && 'dtype' in value && 'storage' in value;
}
