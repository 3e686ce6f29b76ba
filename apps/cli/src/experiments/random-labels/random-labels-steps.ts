import { type Dataset, randomizeLabels, TensorDataset } from '@nagare/data';
import { Flatten, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import type { ExperimentContext } from '../experiment';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';
import type { RandomLabelsParams } from './random-labels';

/** One labelling's run: the share of random labels and its training. */
export interface NoiseRun {
  fraction: number;
  run: ClassifierRun;
}

/** Ten digit classes. */
export const CLASSES = 10;

/** "40% random". */
export const label = (fraction: number) => `${Math.round(fraction * 100)}% random`;

/**
 * A copy of an image-classification dataset with `fraction` of its labels replaced by random
 * classes (Zhang et al., 2017): the images stay, so a model can only fit the new labels by
 * memorizing each image.
 *
 * @example
 * const noisy = withRandomLabels(train, 0.5, 10, 0);
 */
export function withRandomLabels(
  data: Dataset<Tensor[]>,
  fraction: number,
  classes: number,
  seed: number,
): TensorDataset {
  if (!(data instanceof TensorDataset) || data.columns.length !== 2) {
    throw new ArgumentError('withRandomLabels', 'needs a TensorDataset of [images, labels]');
  }
  const [images, labels] = data.columns;
  const noisy = randomizeLabels(labels.values, fraction, classes, { seed });
  return TensorDataset.fromColumns([images, { values: noisy, shape: labels.shape, dtype: 'int32' }]);
}

/**
 * Step 2: for every share of random labels, a fresh MLP (the same initial weights) trained on the
 * relabelled digits, with training accuracy measured on the labels it is trained on.
 */
export async function trainEachFraction(
  context: ExperimentContext<RandomLabelsParams>,
  digits: { train: Dataset<Tensor[]>; test: Dataset<Tensor[]> },
): Promise<NoiseRun[]> {
  const p = context.params;
  const runs: NoiseRun[] = [];
  for (const fraction of p.fractions) {
    const noisy = withRandomLabels(digits.train, fraction, CLASSES, context.seed + 1);
    const model = new Sequential(
      new Flatten(),
      mlp([784, ...p.hidden, CLASSES], 'relu', { seed: context.seed }),
    );
    const optimizer = new Adam(model.parameters(), { lr: p.lr });
    const run = await trainClassifier(context, {
      name: label(fraction),
      model,
      optimizer,
      train: noisy,
      test: digits.test,
      epochs: p.epochs,
      batchSize: p.batchSize,
      seed: context.seed,
      measureTrain: true,
      tags: { fraction },
    });
    runs.push({ fraction, run });
    optimizer.dispose();
    model.dispose();
  }
  return runs;
}
