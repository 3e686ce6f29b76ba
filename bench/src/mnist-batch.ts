// What an MNIST mini-batch is, without reading the files (mnist.ts does that, in Node only), so
// that code running in a browser page (the browser bench) can take batches handed to it.

/** One MNIST mini-batch: `images` row-major [batch, 784] in [0, 1], `labels` the digits. */
export interface MnistBatch {
  images: Float32Array;
  labels: Int32Array;
}

/** Pixels of one 28×28 digit. */
export const MNIST_PIXELS = 28 * 28;
