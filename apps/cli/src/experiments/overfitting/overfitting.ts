import { defineExperiment } from '../experiment';
import { mnistSubsets } from '../support/mnist-subsets';
import type { ClassifierRun } from '../support/train-classifier';
import { reportOverfitting } from './overfitting-report';
import { settingsOf, trainSetting } from './overfitting-steps';

/** Parameters of the overfitting experiment. */
export interface OverfittingParams {
  train: number;
  test: number;
  epochs: number;
  batchSize: number;
  lr: number;
  hidden: number[];
  weightDecay: number;
  dropout: number;
}

/**
 * Item 5 of the curriculum: 300 MNIST training digits and a 7-layer net overfit (training accuracy
 * far above test accuracy); weight decay λ = 0.1 and dropout 0.2 narrow the gap. Train and test
 * accuracy curves per setting. Method: (1) load the digits, (2) train the net plain, with weight
 * decay and with dropout, (3) report.
 */
export const overfitting = defineExperiment<OverfittingParams>({
  name: 'overfitting',
  description:
    '300 MNIST digits, a 7-layer net: train vs test accuracy plain, with weight decay 0.1, dropout 0.2',
  sizes: {
    quick: {
      train: 300,
      test: 1000,
      epochs: 60,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
    default: {
      train: 300,
      test: 2000,
      epochs: 200,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
    full: {
      train: 300,
      test: 10000,
      epochs: 300,
      batchSize: 100,
      lr: 0.01,
      hidden: [100, 100, 100, 100, 100, 100],
      weightDecay: 0.1,
      dropout: 0.2,
    },
  },
  source: {
    citation: 'Saito, ゼロから作るDeep Learning (2016), §6.4, Figures 6-20, 6-21 and 6-23',
    setting:
      'a 7-layer ReLU net (6 hidden layers of 100), SGD lr 0.01, batch 100, 300 MNIST training digits, about 200 epochs; weight decay λ = 0.1, dropout 0.2',
    figure:
      'the plain net reaches about 100% training accuracy far above its test accuracy; weight decay and dropout narrow the gap',
    sizesFollowing: ['default', 'full'],
  },
  async run(context) {
    const digits = await mnistSubsets({ train: context.params.train, test: context.params.test });
    const runs: ClassifierRun[] = [];
    for (const setting of settingsOf(context.params)) runs.push(await trainSetting(context, digits, setting));
    return reportOverfitting(context.params, runs);
  },
});
