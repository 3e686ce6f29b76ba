import { DataLoader, type Dataset, trainValSplit } from '@nagare/data';
import type { Tensor } from '@nagare/tensor';
import type { TrainConfig } from '../config/train-config';
import type { Recipe } from '../recipes/recipe';

/** The three splits of a run. */
export interface RunSplits {
  train: Dataset<Tensor[]>;
  val: Dataset<Tensor[]>;
  test: Dataset<Tensor[]>;
}

// The validation split is fixed (not drawn from the run's seed), so runs with different seeds and
// the trials of `nagare tune` are all scored on the same held-out samples.
const SPLIT_SEED = 0;

/**
 * Loads a recipe's data: the training file (first `limit` samples) split into train and
 * validation by `valFraction`, and the test file (first `limit` samples).
 *
 * @example
 * const { train, val, test } = await loadSplits(recipe, config);
 */
export async function loadSplits(recipe: Recipe, config: TrainConfig): Promise<RunSplits> {
  const options = { limit: config.limit, dataDir: config.dataDir };
  const [all, test] = await Promise.all([recipe.load('train', options), recipe.load('test', options)]);
  const { train, val } = trainValSplit(all, { val: config.valFraction, seed: SPLIT_SEED });
  return { train, val, test };
}

/** The first `size` samples of `dataset` as one `[input, target]` batch (for backend trials). */
export function firstBatch(dataset: Dataset<Tensor[]>, size: number): [Tensor, Tensor] {
  const loader = new DataLoader<Tensor[], Tensor[]>(dataset, { batchSize: size });
  const indices = Array.from({ length: Math.min(size, dataset.length) }, (_, i) => i);
  const [input, target, ...rest] = loader.load(indices);
  for (const extra of rest) extra.dispose();
  return [input, target];
}
