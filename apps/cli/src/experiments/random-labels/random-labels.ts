import { type Dataset, randomizeLabels, TensorDataset } from '@nagare/data';
import { Flatten, Sequential } from '@nagare/layers';
import { mlp } from '@nagare/layers/models';
import { Adam } from '@nagare/optimizers';
import { ArgumentError, type Tensor } from '@nagare/tensor';
import { chartRow } from '../../report/experiment-report';
import { lineChart } from '../../report/line-chart';
import { htmlTable } from '../../report/table';
import { percent } from '../../util/format';
import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import { type ClassifierRun, trainClassifier } from '../support/train-classifier';

/** Parameters of the random-labels experiment. */
export interface RandomLabelsParams {
  trainSamples: number;
  testSamples: number;
  /** Shares of the training labels replaced by uniformly random classes. */
  fractions: number[];
  /** Hidden layer sizes of the MLP. */
  hidden: number[];
  epochs: number;
  batchSize: number;
  /** Adam's learning rate. */
  lr: number;
}

const CLASSES = 10;

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

/** The first epoch whose training accuracy reaches `target`, or null. */
function epochsToFit(run: ClassifierRun, target: number): number | null {
  return run.epochs.find((e) => e.train_acc >= target)?.epoch ?? null;
}

const label = (fraction: number) => `${Math.round(fraction * 100)}% random`;

function curves(runs: readonly { fraction: number; run: ClassifierRun }[]): string {
  const accuracy = { xLabel: 'epoch', formatY: percent, yDomain: [0, 1] as const };
  const series = (pick: 'train_acc' | 'test_acc') =>
    runs.map(({ fraction, run }) => ({
      name: label(fraction),
      points: run.epochs.map((e) => [e.epoch, e[pick]] as const),
    }));
  return chartRow([
    lineChart({
      ...accuracy,
      title: 'Training accuracy (on the labels trained on)',
      yLabel: 'train accuracy',
      series: series('train_acc'),
      legend: 'inside-bottom',
    }),
    lineChart({
      ...accuracy,
      title: 'Test accuracy (true labels)',
      yLabel: 'test accuracy',
      series: series('test_acc'),
    }),
  ]);
}

function finalChart(runs: readonly { fraction: number; run: ClassifierRun }[]): string {
  const last = (run: ClassifierRun, pick: 'train_acc' | 'test_acc') =>
    run.epochs.at(-1)?.[pick] ?? Number.NaN;
  return lineChart({
    title: 'After training, by label noise',
    xLabel: 'share of random labels',
    yLabel: 'accuracy',
    formatY: percent,
    formatX: (x) => `${Math.round(x * 100)}%`,
    yDomain: [0, 1],
    series: [
      { name: 'train', points: runs.map(({ fraction, run }) => [fraction, last(run, 'train_acc')] as const) },
      { name: 'test', points: runs.map(({ fraction, run }) => [fraction, last(run, 'test_acc')] as const) },
      {
        name: 'chance (10%)',
        points: [
          [runs[0].fraction, 1 / CLASSES],
          [runs[runs.length - 1].fraction, 1 / CLASSES],
        ],
        isDashed: true,
        color: '#777',
      },
    ],
  });
}

/**
 * Deep nets fit random labels (Zhang et al., 2017): one MLP trained on a subset of MNIST with 0%
 * to 100% of its training labels randomized reaches ~100% training accuracy every time, while its
 * test accuracy falls to chance.
 */
export const randomLabels = defineExperiment<RandomLabelsParams>({
  name: 'random-labels',
  description: 'an MLP memorizes MNIST with 0–100% random labels: train accuracy ~100%, test falls to chance',
  sizes: {
    quick: {
      trainSamples: 500,
      testSamples: 2000,
      fractions: [0, 0.5, 1],
      hidden: [512, 512],
      epochs: 40,
      batchSize: 32,
      lr: 1e-3,
    },
    default: {
      trainSamples: 1000,
      testSamples: 5000,
      fractions: [0, 0.2, 0.4, 0.6, 0.8, 1],
      hidden: [512, 512],
      epochs: 60,
      batchSize: 32,
      lr: 1e-3,
    },
    full: {
      trainSamples: 5000,
      testSamples: 10000,
      fractions: [0, 0.2, 0.4, 0.6, 0.8, 1],
      hidden: [1024, 1024],
      epochs: 150,
      batchSize: 64,
      lr: 1e-3,
    },
  },
  async run(context) {
    const p = context.params;
    const { train, test } = await mnistSubsets({ train: p.trainSamples, test: p.testSamples });
    const runs: { fraction: number; run: ClassifierRun }[] = [];
    for (const fraction of p.fractions) {
      const noisy = withRandomLabels(train, fraction, CLASSES, context.seed + 1);
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
        test,
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
    const final = (index: number, pick: 'train_acc' | 'test_acc') =>
      runs[index].run.epochs.at(-1)?.[pick] ?? 0;
    const last = runs.length - 1;
    const middle = runs.length > 2 ? Math.floor(last / 2) : last;
    const sizes = [784, ...p.hidden, CLASSES].join('-');
    return {
      headline:
        `A ${sizes} MLP trained on ${p.trainSamples.toLocaleString('en-US')} MNIST digits for ${p.epochs} epochs reaches ${percent(final(0, 'train_acc'))} training accuracy with the true labels (test ${percent(final(0, 'test_acc'))}), ` +
        `${percent(final(middle, 'train_acc'))} with ${label(runs[middle].fraction)} labels (test ${percent(final(middle, 'test_acc'))}) and ${percent(final(last, 'train_acc'))} with ${label(runs[last].fraction)} labels, whose test accuracy falls to ${percent(final(last, 'test_acc'))} (chance: 10%).`,
      sections: [
        {
          title: 'Learning curves',
          html: curves(runs),
          caption:
            'Training accuracy is measured in evaluation mode on the labels the net was trained on (partly or fully random); test accuracy on the true labels of unseen digits. Random labels take longer to fit, but they are fitted.',
        },
        {
          title: 'Memorization vs generalization',
          html:
            finalChart(runs) +
            htmlTable({
              header: ['random labels', 'train accuracy', 'test accuracy', 'epochs to 99% train accuracy'],
              rows: runs.map(({ fraction, run }) => [
                label(fraction),
                run.epochs.at(-1)?.train_acc ?? null,
                run.testAccuracy,
                epochsToFit(run, 0.99),
              ]),
              formats: { 1: percent, 2: percent },
            }),
          caption:
            'The same architecture, optimizer and number of steps fit every labelling: capacity alone does not explain why nets generalize on real labels (Zhang et al., 2017, "Understanding deep learning requires rethinking generalization").',
        },
      ],
      summary: {
        fractions: runs.map((r) => r.fraction),
        train_acc: runs.map((r) => r.run.epochs.at(-1)?.train_acc ?? null),
        test_acc: runs.map((r) => r.run.testAccuracy),
        epochs_to_99: runs.map((r) => epochsToFit(r.run, 0.99)),
      },
    };
  },
});
